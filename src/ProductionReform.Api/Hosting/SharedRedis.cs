using StackExchange.Redis;

namespace ProductionReform.Api.Hosting;

/// <summary>
/// The Redis that several API instances share for their rate limits and automatic persisted queries, when
/// <c>ConnectionStrings:Redis</c> (or <c>Redis:Configuration</c>) names one; without it each instance keeps them in its own
/// memory. The connection is opened on first use and retried in the background while Redis is unreachable.
/// </summary>
public sealed class SharedRedis : IDisposable
{
    /// <summary>Keys are prefixed so that one Redis can serve other applications too.</summary>
    public const string KeyPrefix = "productionreform:";

    private readonly Lazy<ConnectionMultiplexer>? _connection;

    public SharedRedis(IConfiguration configuration)
    {
        if (ConfigurationOf(configuration) is not { } text)
            return;
        var options = ConfigurationOptions.Parse(text);
        options.AbortOnConnectFail = false; // start, and answer, while Redis is still coming up
        options.BacklogPolicy = BacklogPolicy.FailFast; // a command while disconnected fails at once rather than waiting
        _connection = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
    }

    /// <summary>Whether a Redis is configured.</summary>
    public bool IsConfigured => _connection is not null;

    /// <summary>The shared connection; only when <see cref="IsConfigured"/>.</summary>
    public IConnectionMultiplexer Connection =>
        _connection?.Value ?? throw new InvalidOperationException("No Redis is configured (ConnectionStrings:Redis).");

    public static string? ConfigurationOf(IConfiguration configuration) =>
        configuration.GetConnectionString("Redis") is { Length: > 0 } connection ? connection
        : configuration["Redis:Configuration"] is { Length: > 0 } configured ? configured
        : null;

    public void Dispose()
    {
        if (_connection is { IsValueCreated: true })
            _connection.Value.Dispose();
    }
}
