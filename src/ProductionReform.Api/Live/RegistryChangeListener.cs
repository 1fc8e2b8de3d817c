using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using ProductionReform.Data.Changes;

namespace ProductionReform.Api.Live;

/// <summary>
/// The one connection per API instance that listens to the database's change notifications and publishes them on
/// the <see cref="RegistryChangeHub"/>. It is a connection of its own, outside the pool (LISTEN belongs to a session),
/// named <see cref="ApplicationName"/> in <c>pg_stat_activity</c>. When it is lost it reconnects with growing pauses
/// and reads the change log from the last version it heard, so no commit in the gap goes unannounced: versions follow
/// commit order, so "after the last version heard" misses nothing.
/// </summary>
public sealed class RegistryChangeListener(
    string connectionString, RegistryChangeHub hub, IServiceProvider services, ILogger<RegistryChangeListener> logger)
    : BackgroundService
{
    public const string ApplicationName = "registry-change-listener";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
        // A keepalive while waiting notices a connection that died without a word (a network cut).
        KeepAlive = 15,
    }.ConnectionString;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The version of the last commit published (or found at start); null until first connected.</summary>
    private long? _heard;

    /// <summary>Completes once the listener has first connected: every commit after that will be announced.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = FirstRetry, stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("The change listener lost its connection ({Reason}); reconnecting in {Delay} ms",
                    e.Message, retry.TotalMilliseconds);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<RegistryChangeCatalog>();
        var payloads = new ConcurrentQueue<string>();
        await using var connection = new NpgsqlConnection(_connectionString);
        connection.Notification += (_, e) => payloads.Enqueue(e.Payload);
        await connection.OpenAsync(cancellationToken);
        // Listening first, then reading the log: a commit in between is read and heard, and heard only once.
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeCapture.Channel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        await CatchUpAsync(connection, catalog, cancellationToken);
        connected();
        _listening.TrySetResult();
        logger.LogInformation("Listening to registry changes from version {Version}", _heard);
        while (true)
        {
            while (payloads.TryDequeue(out var payload))
                await HandleAsync(connection, catalog, payload, cancellationToken);
            await connection.WaitAsync(cancellationToken);
        }
    }

    private async Task HandleAsync(NpgsqlConnection connection, RegistryChangeCatalog catalog, string payload,
        CancellationToken cancellationToken)
    {
        var commit = JsonSerializer.Deserialize<CommitNotification>(payload, Json)
            ?? throw new JsonException($"Not a change notification: {payload}");
        if (commit.Version <= _heard) return;
        if (commit.Changes is null)
        {
            await CatchUpAsync(connection, catalog, cancellationToken);
            return;
        }
        Publish(catalog, commit.Version, commit.CommittedAt, commit.Changes);
    }

    /// <summary>
    /// At the first connection, only takes the current version; after a reconnect, or for a commit too big for its
    /// notification, publishes every commit after the last one heard, from the log.
    /// </summary>
    private async Task CatchUpAsync(NpgsqlConnection connection, RegistryChangeCatalog catalog, CancellationToken cancellationToken)
    {
        if (_heard is not { } since)
        {
            await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM registry_commits", connection);
            _heard = (long)(await current.ExecuteScalarAsync(cancellationToken))!;
            hub.AdvanceTo(_heard.Value);
            return;
        }
        await using var command = new NpgsqlCommand("""
            SELECT c.version, c.committed_at, l.table_name, l.operation, array_agg(DISTINCT l.record_id ORDER BY l.record_id)
            FROM registry_commits c JOIN registry_changes l ON l.transaction_id = c.transaction_id
            WHERE c.version > $1
            GROUP BY c.version, c.committed_at, l.table_name, l.operation
            ORDER BY c.version, l.table_name, l.operation
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        var commits = new List<(long Version, DateTimeOffset CommittedAt, CommittedTableChange Change)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                commits.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1),
                    new CommittedTableChange(reader.GetString(2), reader.GetString(3), reader.GetFieldValue<int[]>(4))));
            }
        }
        foreach (var commit in commits.GroupBy(c => (c.Version, c.CommittedAt)))
            Publish(catalog, commit.Key.Version, commit.Key.CommittedAt, [.. commit.Select(c => c.Change)]);
    }

    private void Publish(RegistryChangeCatalog catalog, long version, DateTimeOffset committedAt,
        IReadOnlyList<CommittedTableChange> changes)
    {
        foreach (var change in changes)
        {
            if (catalog.ModelOf(change.Table) is { } model)
                hub.Publish(new RegistryChange(version, model.ListName, change.Operation, change.Ids, committedAt));
        }
        hub.AdvanceTo(version);
        _heard = version;
    }
}
