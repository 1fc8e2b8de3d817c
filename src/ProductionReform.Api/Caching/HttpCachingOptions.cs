namespace ProductionReform.Api.Caching;

/// <summary>ETags, <c>Cache-Control</c> and the response cache of GET queries and exports, bound from <c>HttpCaching</c>.</summary>
public sealed class HttpCachingOptions
{
    public const string Section = "HttpCaching";

    /// <summary>
    /// Give GET queries and exports an ETag of the data version, and answer 304 to a matching If-None-Match. Default: on.
    /// </summary>
    public bool ETags { get; set; } = true;

    /// <summary>The <c>Cache-Control</c> of an answer to a caller with a key or token. Default: <c>private</c>.</summary>
    public string AuthenticatedCacheControl { get; set; } = "private";

    /// <summary>
    /// How long shared caches and browsers may reuse an anonymous answer without asking again (<c>public, max-age=…</c>).
    /// Default: 0 — they keep it, but revalidate it with its ETag every time, which costs no SQL while the data stands.
    /// </summary>
    public TimeSpan AnonymousMaxAge { get; set; } = TimeSpan.Zero;

    /// <summary>Keep the answers of anonymous GET queries in memory, keyed like the ETag. Default: off.</summary>
    public bool ResponseCache { get; set; }

    /// <summary>Bytes of answers the response cache keeps; the least recently used go first. Default: 64 MB.</summary>
    public long ResponseCacheSizeLimit { get; set; } = 64 * 1024 * 1024;
}
