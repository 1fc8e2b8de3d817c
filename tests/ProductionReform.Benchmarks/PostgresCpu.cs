using Npgsql;

namespace ProductionReform.Benchmarks;

/// <summary>
/// CPU of the PostgreSQL backends serving one database (the servers under test; not this watcher's own
/// connection). Backends that end during a window lose their share, so servers keep pooled connections open.
/// </summary>
public sealed class PostgresCpu(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection =
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public async Task<Dictionary<int, double>> SnapshotAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", _connection);
        var cpu = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (ProcessMetrics.CpuMs(reader.GetInt32(0)) is { } ms) cpu[reader.GetInt32(0)] = ms;
        return cpu;
    }

    /// <summary>
    /// Cancels the statements still running on this database once a measurement's clients have all had their answers:
    /// a request the API gave up on (execution timeout) must not go on loading the next measurement.
    /// </summary>
    public async Task<int> CancelLeftoversAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open) await _connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_cancel_backend(pid))::int FROM pg_stat_activity " +
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'", _connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>CPU ms the backends spent between two snapshots; a backend born in between counts from zero.</summary>
    public static double Between(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(b => b.Value - before.GetValueOrDefault(b.Key));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
