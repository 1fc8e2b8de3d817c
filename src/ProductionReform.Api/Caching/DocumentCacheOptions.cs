namespace ProductionReform.Api.Caching;

/// <summary>The parsed-document cache, bound from the <c>DocumentCache</c> configuration section.</summary>
public sealed class DocumentCacheOptions
{
    public const string Section = "DocumentCache";

    /// <summary>
    /// Characters of query text whose parsed documents are kept; the least recently used go first. A parsed document
    /// takes roughly ten times its text, so the default holds about 20 MB. 0 turns the cache off.
    /// </summary>
    public long SizeLimit { get; set; } = 2_000_000;
}
