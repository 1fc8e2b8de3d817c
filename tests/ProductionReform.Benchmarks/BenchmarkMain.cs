using System.Diagnostics;
using System.Globalization;

namespace ProductionReform.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/ProductionReform.Benchmarks -- [--scale 1,100] [--duration 10]
///   [--warmup 2] [--clients 1,32] [--connection "Host=…;Port=…;Username=…;Password=…"]
/// or -- --soak [minutes] (see <see cref="Soak"/>).
/// For each scale: builds reform_bench_&lt;scale&gt;, starts the API on Kestrel, runs every workload at every
/// concurrency, prints a table; then prints the ratios and writes .data/bench/&lt;timestamp&gt;.json.
/// </summary>
public static class BenchmarkMain
{
    // Not "Program": the API's Program (global namespace) is the entry point WebApplicationFactory hosts.
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=reform;Password=reform";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--soak", .. var soak])
            return await Soak.RunAsync(soak.TakeWhile(a => a != "--connection").ToArray(), soak.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault() ?? DefaultServer);
        Options options;
        try { options = Options.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("usage: -- [--scale 1,100] [--duration 10] [--warmup 2] [--clients 1,32] [--connection <npgsql server connection string>]");
            return 2;
        }

        var startedAt = DateTimeOffset.UtcNow;
        Console.WriteLine($"ProductionReform benchmark: scales {string.Join(", ", options.Scales)}, clients {string.Join(", ", options.Clients)}, " +
                          $"{options.Duration.TotalSeconds:0.#} s per measurement after {options.WarmUp.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores");

        var scales = new List<ScaleResult>();
        foreach (var scale in options.Scales)
        {
            Console.WriteLine();
            Console.WriteLine($"Preparing {BenchDatabase.NameFor(scale)} …");
            var watch = Stopwatch.StartNew();
            var (connectionString, size) = await BenchDatabase.PrepareAsync(options.Server, scale);
            var prepareSeconds = watch.Elapsed.TotalSeconds;

            await using var server = BenchServer.Start(connectionString);
            Console.WriteLine($"  API on {server.BaseAddress} ({size.Enterprises} enterprises, {size.Studios} studios, {size.IndicatorValues} indicator values)");
            var skipped = new List<string>();
            var workloads = await Workloads.BuildAsync(server.Client, skipped);

            var results = new List<Measurement>();
            foreach (var workload in workloads)
                foreach (var clients in options.Clients)
                {
                    var m = await LoadRunner.RunAsync(server.Client, workload, clients, options.Duration, options.WarmUp);
                    results.Add(m);
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  {0,-14} {1,3} clients: {2,8:F1} req/s  p50 {3,7:F2} ms  p99 {4,7:F2} ms  {5:F2} SQL/req  {6} errors",
                        m.Workload, m.Clients, m.RequestsPerSecond, m.P50Ms, m.P99Ms, m.SqlStatementsPerRequest, m.Errors));
                }

            var result = new ScaleResult(scale, BenchDatabase.NameFor(scale), size, prepareSeconds, skipped, results);
            scales.Add(result);
            Report.PrintScale(result);
        }

        var concurrency = Report.ConcurrencyRatios(scales);
        var scaleRatios = Report.ScaleRatios(scales);
        Report.PrintRatios(concurrency, scaleRatios);
        var path = await Report.WriteJsonAsync(startedAt,
            new { options.Scales, options.Clients, durationSeconds = options.Duration.TotalSeconds, warmUpSeconds = options.WarmUp.TotalSeconds },
            scales, concurrency, scaleRatios);
        Console.WriteLine();
        Console.WriteLine($"Results written to {path}");
        return scales.Any(s => s.Results.Any(m => m.Errors > 0)) ? 1 : 0;
    }

    private sealed record Options(int[] Scales, int[] Clients, TimeSpan Duration, TimeSpan WarmUp, string Server)
    {
        public static Options Parse(string[] args)
        {
            var options = new Options([1], [1, 32], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), DefaultServer);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                options = args[i++] switch
                {
                    "--scale" => options with { Scales = Ints(value) },
                    "--clients" => options with { Clients = Ints(value) },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--connection" => options with { Server = value },
                    var other => throw new ArgumentException($"unknown option {other}"),
                };
            }
            if (options.Scales.Any(s => s < 1) || options.Clients.Any(c => c < 1) || options.Duration <= TimeSpan.Zero)
                throw new ArgumentException("scales and clients must be positive, the duration above zero");
            return options;
        }

        private static int[] Ints(string value) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Distinct().ToArray();
    }
}
