namespace ProductionReform.Api.Limits;

/// <summary>
/// The limits every GraphQL request is held to, bound from the <c>Limits</c> configuration section.
/// A count limit of 0 switches that limit off; <see cref="Enabled"/> = false switches them all off
/// (depth, cost, aliases, root fields, timeout; the body size and the rate limit have their own switches).
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    public bool Enabled { get; set; } = true;

    /// <summary>Levels of nested fields (<c>{ a { b } }</c> is 2).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Rows the lists of the query may return: each list of records counts its page size
    /// (<c>first</c>/<c>last</c>/<c>take</c>, the <c>ids</c> given, else <c>Data:DefaultPageSize</c>)
    /// times the page sizes of the lists above it (GitHub's node limit).
    /// </summary>
    public int MaxCost { get; set; } = 500_000;

    /// <summary>Aliased fields in the document.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Fields at the root of the operation.</summary>
    public int MaxRootFields { get; set; } = 30;

    /// <summary>
    /// How often the introspection lists that lead back to types (<c>fields</c>, <c>inputFields</c>,
    /// <c>interfaces</c>, <c>possibleTypes</c>) may nest (graphql-js' MaxIntrospectionDepthRule); the
    /// introspection fields themselves cost nothing.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 2;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered (<c>__typename</c> always is).</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>Largest POST body in bytes; 0 keeps the server's own limit.</summary>
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>Validation and execution together; the database command is cancelled with it.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public RateLimitOptions RateLimit { get; set; } = new();

    public SubscriptionLimits Subscriptions { get; set; } = new();
}
