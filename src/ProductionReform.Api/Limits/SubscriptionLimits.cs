namespace ProductionReform.Api.Limits;

/// <summary>
/// The limits of subscriptions (<c>Limits:Subscriptions</c>), over WebSocket (graphql-transport-ws) and server-sent
/// events (graphql-sse). A count of 0 switches that limit off, as does <see cref="LimitsOptions.Enabled"/> = false.
/// </summary>
public sealed class SubscriptionLimits
{
    /// <summary>Operations running at once on one WebSocket.</summary>
    public int MaxPerConnection { get; set; } = 10;

    /// <summary>Subscriptions at once for one caller (API key name or token subject, else client IP), over every connection.</summary>
    public int MaxPerCaller { get; set; } = 50;

    /// <summary>A WebSocket without a subscription and without a message for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a new WebSocket may take to send <c>connection_init</c>.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the server pings a WebSocket and writes a comment to an event stream, so proxies keep them open.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Changes within this time after the first are answered by one re-evaluation of an aggregate.</summary>
    public TimeSpan AggregateCoalesce { get; set; } = TimeSpan.FromMilliseconds(200);
}
