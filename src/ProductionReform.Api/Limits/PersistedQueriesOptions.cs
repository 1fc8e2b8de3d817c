namespace ProductionReform.Api.Limits;

/// <summary>Persisted queries, bound from the <c>PersistedQueries</c> configuration section.</summary>
public sealed class PersistedQueriesOptions
{
    public const string Section = "PersistedQueries";

    /// <summary>Apollo automatic persisted queries: a client may register a query by its SHA-256 and then send only the hash.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>Characters of query text the automatic store keeps (least recently used go first).</summary>
    public long CacheSize { get; set; } = 8_000_000;

    /// <summary>
    /// Accept only the operations of <see cref="RegisteredPath"/>: by hash (<c>extensions.persistedQuery</c> or
    /// <c>documentId</c>) or by their exact text. For production, so that no ad-hoc query runs.
    /// </summary>
    public bool AllowOnlyRegistered { get; set; }

    /// <summary>
    /// The registered operations: an Apollo persisted-query manifest (<c>{"operations": [{"id", "body"}]}</c>), a
    /// JSON object of hash → query, or a <c>.graphql</c> document registered as a whole (select with operationName).
    /// Relative paths resolve against the content root.
    /// </summary>
    public string? RegisteredPath { get; set; }
}
