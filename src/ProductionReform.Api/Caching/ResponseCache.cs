using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProductionReform.Api.Caching;

/// <summary>
/// The answers of anonymous GET queries, by <see cref="CacheKey"/>. The key holds the data version, so a write makes
/// every entry unreachable at once — no time to live is guessed; the entries of older versions are dropped as soon as
/// a newer one is seen, and the size limit bounds the rest.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    private readonly MemoryCache _answers;
    private long _version;

    public ResponseCache(IOptions<HttpCachingOptions> options) =>
        _answers = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.ResponseCacheSizeLimit });

    public bool TryGet(CacheKey key, out CachedResponse? answer)
    {
        Observe(key.Version);
        return _answers.TryGetValue(key.ETag, out answer);
    }

    public void Set(CacheKey key, CachedResponse answer)
    {
        // An answer made while a newer version arrived is filed under an unreachable key: not kept.
        if (!Observe(key.Version)) return;
        _answers.Set(key.ETag, answer, new MemoryCacheEntryOptions { Size = answer.Body.Length + key.ETag.Length });
    }

    /// <summary>Drops everything when <paramref name="version"/> is newer than what was seen; false when it is older.</summary>
    private bool Observe(long version)
    {
        var seen = Interlocked.Read(ref _version);
        if (version < seen) return false;
        if (version > seen && Interlocked.CompareExchange(ref _version, version, seen) == seen) _answers.Clear();
        return true;
    }

    public void Dispose() => _answers.Dispose();
}
