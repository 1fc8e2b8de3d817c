using System.Diagnostics;
using System.Globalization;

namespace ProductionReform.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/ProductionReform.Benchmarks -- --soak [minutes, default 10] [--connection "…"]
/// Runs every workload in turn at 16 clients on reform_bench_1 for the whole duration and samples, once a minute, what a
/// leak would grow: resident memory, managed heap, open file descriptors (sockets included), threads, and the database
/// sessions of the API. Start and end are printed side by side; the process hosts both the API and the load, as the
/// benchmark does.
/// </summary>
public static class Soak
{
    private const int Clients = 16;
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(20);

    private sealed record Sample(
        TimeSpan At, long RssBytes, long HeapBytes, int FileDescriptors, int Threads, long DatabaseSessions, int Requests, int Errors);

    public static async Task<int> RunAsync(string[] args, string server)
    {
        var minutes = args.Length > 0 && double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var given)
            ? given
            : 10;
        var duration = TimeSpan.FromMinutes(minutes);
        var (connectionString, _) = await BenchDatabase.PrepareAsync(server, BenchScale.Parse("1"));
        await using var api = BenchServer.Start(connectionString);
        var workloads = await Workloads.BuildAsync(api.Client, []);
        Console.WriteLine($"Soak: {minutes:0.#} min, {Clients} clients, workloads {string.Join(", ", workloads.Select(w => w.Name))}");

        // One round of every workload first, so that the start figures are those of a warmed-up server.
        foreach (var workload in workloads)
            await LoadRunner.RunAsync(api.Client, workload, Clients, TimeSpan.FromSeconds(3), TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        var samples = new List<Sample> { await SampleAsync(connectionString, clock.Elapsed, 0, 0) };
        Print(samples[0]);
        int requests = 0, errors = 0;
        for (var round = 0; clock.Elapsed < duration; round++)
        {
            var measured = await LoadRunner.RunAsync(api.Client, workloads[round % workloads.Count], Clients, Slice, TimeSpan.Zero);
            requests += measured.Requests;
            errors += measured.Errors;
            if (clock.Elapsed - samples[^1].At < TimeSpan.FromMinutes(1) && clock.Elapsed < duration) continue;
            samples.Add(await SampleAsync(connectionString, clock.Elapsed, requests, errors));
            Print(samples[^1]);
        }

        var (start, end) = (samples[0], samples[^1]);
        Console.WriteLine();
        Console.WriteLine($"start → end: RSS {Mb(start.RssBytes):F1} → {Mb(end.RssBytes):F1} MiB, " +
                          $"heap {Mb(start.HeapBytes):F1} → {Mb(end.HeapBytes):F1} MiB, " +
                          $"fds {start.FileDescriptors} → {end.FileDescriptors}, threads {start.Threads} → {end.Threads}, " +
                          $"database sessions {start.DatabaseSessions} → {end.DatabaseSessions}; " +
                          $"{end.Requests} requests, {end.Errors} errors");
        return end.Errors > 0 ? 1 : 0;
    }

    private static async Task<Sample> SampleAsync(string connectionString, TimeSpan at, int requests, int errors)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var sessions = (long)(await command.ExecuteScalarAsync())!;
        return new Sample(at, process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false),
            Directory.GetFiles("/proc/self/fd").Length, process.Threads.Count, sessions, requests, errors);
    }

    private static void Print(Sample sample) => Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
        "  {0,6:F0} s  RSS {1,7:F1} MiB  heap {2,6:F1} MiB  fds {3,4}  threads {4,3}  db sessions {5,3}  requests {6,8}  errors {7}",
        sample.At.TotalSeconds, Mb(sample.RssBytes), Mb(sample.HeapBytes), sample.FileDescriptors, sample.Threads, sample.DatabaseSessions,
        sample.Requests, sample.Errors));

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
