using Microsoft.Extensions.Options;
using Npgsql;

namespace ProductionReform.Api.Replication;

/// <summary>
/// Measures the standby every <see cref="ReplicationOptions.LagProbeSeconds"/> on a connection of its own: its replay lag
/// and the last data version it replayed (<see cref="ReadReplica.Probed"/>). When it does not answer, reads go to the
/// primary (<see cref="ReadReplica.Failed"/>) and it is tried again after <see cref="ReplicationOptions.RetryStandbySeconds"/>.
/// </summary>
public sealed class StandbyMonitor(ReadReplica replica, IOptions<ReplicationOptions> options, ILogger<StandbyMonitor> logger)
    : BackgroundService
{
    public const string ApplicationName = "registry-standby-monitor";

    /// <summary>
    /// Lag is zero while the standby streams and has replayed all it received (an idle primary sends nothing, and the last
    /// replayed commit only gets older); else the age of the last replayed commit.
    /// </summary>
    private const string ProbeSql = """
        SELECT CASE WHEN (SELECT status FROM pg_stat_wal_receiver) = 'streaming'
                         AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8, 0) END,
               (SELECT coalesce(max(version), 0) FROM registry_commits)
        """;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(replica.StandbyConnectionString)
    {
        Pooling = false,
        ApplicationName = ApplicationName,
    }.ConnectionString;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        NpgsqlConnection? connection = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pause = settings.LagProbeSeconds;
                try
                {
                    connection ??= await OpenAsync(stoppingToken);
                    await ProbeAsync(connection, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("The standby does not answer ({Reason}); reads go to the primary, retrying in {Seconds} s",
                        e.Message, settings.RetryStandbySeconds);
                    replica.Failed();
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                    pause = settings.RetryStandbySeconds;
                }
                await Task.Delay(TimeSpan.FromSeconds(pause), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task ProbeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ProbeSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        replica.Probed(reader.GetDouble(0), reader.GetInt64(1));
    }
}
