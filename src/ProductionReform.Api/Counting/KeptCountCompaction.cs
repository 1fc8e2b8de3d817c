using Npgsql;
using ProductionReform.Data.Counting;

namespace ProductionReform.Api.Counting;

/// <summary>
/// Merges the kept counts' rows now and then (<see cref="KeptCounts.CompactSql"/>): every write appends a row for each
/// parent whose count it changed, and reading a count sums all of its parent's rows. Instances may merge at the same
/// time: a merge only replaces rows by their sum. On the primary, over a connection of its own.
/// </summary>
internal sealed class KeptCountCompaction(string connectionString, TimeSpan interval, ILogger<KeptCountCompaction> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = new NpgsqlCommand(KeptCounts.CompactSql, connection);
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e,
                    "Merging the kept counts failed; counts stay exact, reading them a little slower. Next try in {Interval}.", interval);
            }
        }
    }
}
