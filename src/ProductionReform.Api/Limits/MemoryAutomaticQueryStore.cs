using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Automatic persisted queries in this process, bounded by <see cref="PersistedQueriesOptions.CacheSize"/> characters
/// (least recently used go first). Another instance does not know them: there a hash alone is
/// <c>PERSISTED_QUERY_NOT_FOUND</c> once, and the client sends the query again.
/// </summary>
public sealed class MemoryAutomaticQueryStore(IOptions<PersistedQueriesOptions> options) : IAutomaticQueryStore
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(options.Value.CacheSize, 1) });

    public ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cache.TryGetValue(hash, out string? query) ? query : null);

    public ValueTask StoreAsync(string hash, string query, CancellationToken cancellationToken)
    {
        _cache.Set(hash, query, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        return ValueTask.CompletedTask;
    }
}
