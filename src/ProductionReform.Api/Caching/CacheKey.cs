namespace ProductionReform.Api.Caching;

/// <summary>
/// What an answer depends on — the data version, the request, its representation and the caller's role — as a weak
/// ETag (<c>W/"v&lt;version&gt;-&lt;hash&gt;"</c>), which also keys the response cache.
/// </summary>
public sealed record CacheKey(long Version, string ETag, bool Anonymous);
