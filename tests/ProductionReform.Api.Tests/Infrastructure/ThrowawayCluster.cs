using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL 15 cluster of a test's own (data directory under /tmp, a free port), which the test may stop and start;
/// the shared cluster of the other tests is never touched. As root the server runs as the postgres user.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly bool IsRoot = Environment.UserName == "root";

    private readonly string _directory;

    private ThrowawayCluster(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    private string Data => Path.Combine(_directory, "data");

    /// <summary>Creates and starts a cluster (user/password <c>reform</c>); the test is ignored where PostgreSQL 15 is not installed.</summary>
    public static async Task<ThrowawayCluster> StartAsync(int maxConnections = 250)
    {
        if (!File.Exists(Path.Combine(Bin, "initdb"))) Assert.Ignore($"PostgreSQL 15 is not installed in {Bin}; scripts/db installs it.");
        var cluster = await CreateAsync();
        await RunAsync(Path.Combine(Bin, "initdb"), ["-D", cluster.Data, "-U", "reform", "-E", "UTF8", "--locale=C", "--auth=trust"]);
        await File.AppendAllTextAsync(Path.Combine(cluster.Data, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{cluster._directory}'
            max_connections = {maxConnections}
            fsync = off
            """);
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>
    /// Makes and starts a hot standby of this cluster, streaming from it (<c>pg_basebackup -R</c>, as <c>scripts/db replica</c>
    /// does; the cluster's trust authentication and default <c>wal_level</c> allow it).
    /// </summary>
    public async Task<ThrowawayCluster> StartStandbyAsync()
    {
        var standby = await CreateAsync();
        await RunAsync(Path.Combine(Bin, "pg_basebackup"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "reform", "-D", standby.Data,
             "-R", "-X", "stream", "-c", "fast"]);
        await File.AppendAllTextAsync(Path.Combine(standby.Data, "postgresql.conf"), $"""

            port = {standby.Port}
            unix_socket_directories = '{standby._directory}'
            hot_standby = on
            hot_standby_feedback = on
            """);
        await standby.StartServerAsync();
        return standby;
    }

    private static async Task<ThrowawayCluster> CreateAsync()
    {
        var directory = Path.Combine("/tmp", $"reform-fault-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(directory);
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        return new ThrowawayCluster(directory, ApiProcess.FreePort());
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=reform;Password=reform;Database={database}";

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start"]);

    /// <summary>Stops the server the way an operator would (fast: sessions are terminated, open transactions rolled back).</summary>
    public Task StopServerAsync() => RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-m", "fast", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres && IsRoot) foreach (var prefix in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(prefix);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
