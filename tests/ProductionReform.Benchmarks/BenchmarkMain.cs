using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ProductionReform.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/ProductionReform.Benchmarks -- [--scale 1,200000/20000] [--duration 10]
///   [--warmup 10] [--clients 32] [--api-port N] [--peer-port N] [--reuse] [--in-process] [--no-peer]
///   [--workloads "flat page,nested"] [--api-env DOTNET_gcServer=1] [--connection "Host=…;Port=…;Username=…;Password=…"]
/// For each scale: builds reform_bench_&lt;scale&gt; (kept as it is with --reuse when it already holds the rows), starts
/// the API and PostGraphile as processes of their own on loopback, checks their answers equal, and measures each
/// workload on both; prints the figures and a Markdown table and writes .data/bench/&lt;timestamp&gt;.json.
/// With --in-process: our API alone, hosted in this process, at 1 and 32 clients with concurrency and scale ratios.
/// With --no-peer: the API's process alone (no PostGraphile), e.g. to attach dotnet-trace or dotnet-counters to its pid.
/// --workloads measures only the named workloads; --api-env (repeatable) sets an environment variable of the API's
/// process, e.g. a runtime setting (DOTNET_gcServer, DOTNET_TieredPGO) to compare without rebuilding.
/// Or -- --soak [minutes] [--connection …]: the soak (see <see cref="Soak"/>).
/// Or -- --delivery [subscribers] [--duration seconds] [--connection …]: subscription delivery latency (see <see cref="Delivery"/>).
/// </summary>
public static class BenchmarkMain
{
    // Not "Program": the API's Program (global namespace) is the entry point WebApplicationFactory hosts.
    private const string DefaultServer = "Host=127.0.0.1;Port=55432;Username=reform;Password=reform";
    private const string Usage = "usage: -- [--scale 1,200000/20000] [--duration 10] [--warmup 10] [--clients 32] [--api-port N] " +
                                 "[--peer-port N] [--reuse] [--in-process] [--no-peer] [--workloads name,name] [--api-env NAME=VALUE] " +
                                 "[--connection <npgsql server connection string>]";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--soak", .. var soak])
            return await Soak.RunAsync(soak.TakeWhile(a => a != "--connection").ToArray(),
                soak.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault() ?? DefaultServer);
        if (args is ["--delivery", .. var delivery])
            return await RunDeliveryAsync(delivery);
        Options options;
        try { options = Options.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var startedAt = DateTimeOffset.UtcNow;
        Console.WriteLine("ProductionReform benchmark" +
                          $"{(options.InProcess ? " (in-process, API alone)" : ", side by side with PostGraphile")}: " +
                          $"scales {string.Join(", ", options.Scales.Select(s => s.Label))}, " +
                          $"clients {string.Join(", ", options.Clients)}, " +
                          $"{options.Duration.TotalSeconds:0.#} s per measurement after {options.WarmUp.TotalSeconds:0.#} s warm-up, " +
                          $"{Environment.ProcessorCount} cores, {startedAt:yyyy-MM-dd HH:mm} UTC");
        return options.InProcess ? await InProcessAsync(options, startedAt) : await SideBySideAsync(options, startedAt);
    }

    private static Task<int> RunDeliveryAsync(string[] args)
    {
        var subscribers = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var given) ? given : 100;
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var duration = Value("--duration") is { } seconds ? double.Parse(seconds, CultureInfo.InvariantCulture) : 10;
        return Delivery.RunAsync(subscribers, TimeSpan.FromSeconds(duration), Value("--connection") ?? DefaultServer);
    }

    private static async Task<int> SideBySideAsync(Options options, DateTimeOffset startedAt)
    {
        var scales = new List<SideBySideScale>();
        foreach (var scale in options.Scales)
        {
            Console.WriteLine();
            Console.WriteLine($"Preparing {BenchDatabase.NameFor(scale)} …");
            var (connectionString, size) = await BenchDatabase.PrepareAsync(options.Server, scale, options.Reuse);
            Console.WriteLine($"  {size.Enterprises} enterprises, {size.Studios} studios, {size.IndicatorValues} indicator values");
            var result = await SideBySide.RunAsync(scale, connectionString, size, options.ApiPort ?? FreePort(),
                options.NoPeer ? null : options.PeerPort ?? FreePort(), options.Selection, options.ApiEnvironment,
                options.Clients, options.Duration, options.WarmUp);
            Console.WriteLine($"  API peak RSS over the scale: {result.ApiPeakRssMb:F0} MB");
            scales.Add(result);
        }
        Console.WriteLine();
        Console.WriteLine(SideBySide.Table(scales));
        var path = await Report.WriteJsonAsync(startedAt, "the API and PostGraphile run as processes of their own over loopback HTTP.",
            new
            {
                scales = options.Scales.Select(s => s.Label), options.Clients, durationSeconds = options.Duration.TotalSeconds,
                warmUpSeconds = options.WarmUp.TotalSeconds
            },
            scales);
        Console.WriteLine($"Results written to {path}");
        return scales.Any(s => s.Results.Any(r => r.Ours.Load.Errors > 0 || r.Peer?.Load.Errors > 0)) ? 1 : 0;
    }

    private static async Task<int> InProcessAsync(Options options, DateTimeOffset startedAt)
    {
        var scales = new List<ScaleResult>();
        foreach (var scale in options.Scales)
        {
            Console.WriteLine();
            Console.WriteLine($"Preparing {BenchDatabase.NameFor(scale)} …");
            var watch = Stopwatch.StartNew();
            var (connectionString, size) = await BenchDatabase.PrepareAsync(options.Server, scale, options.Reuse);
            var prepareSeconds = watch.Elapsed.TotalSeconds;
            await using var server = BenchServer.Start(connectionString);
            Console.WriteLine($"  API on {server.BaseAddress} ({size.Enterprises} enterprises, {size.Studios} studios, " +
                              $"{size.IndicatorValues} indicator values)");
            var skipped = new List<string>();
            var workloads = (await Workloads.BuildAsync(server.Client, skipped)).Where(w => options.Selection.Includes(w.Name)).ToList();

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
        var path = await Report.WriteJsonAsync(startedAt, "the API runs in-process on Kestrel over loopback HTTP.",
            new
            {
                scales = options.Scales.Select(s => s.Label), options.Clients, durationSeconds = options.Duration.TotalSeconds,
                warmUpSeconds = options.WarmUp.TotalSeconds
            },
            new { scales, ratios = new { concurrency, scale = scaleRatios } });
        Console.WriteLine();
        Console.WriteLine($"Results written to {path}");
        return scales.Any(s => s.Results.Any(m => m.Errors > 0)) ? 1 : 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Options(BenchScale[] Scales, int[] Clients, TimeSpan Duration, TimeSpan WarmUp, string Server,
        bool InProcess, bool Reuse, bool NoPeer, int? ApiPort, int? PeerPort, WorkloadSelection Selection,
        IReadOnlyDictionary<string, string> ApiEnvironment)
    {
        public static Options Parse(string[] args)
        {
            // 10 s of warm-up per measurement: after 2 s the API still ran tier-0 code (tiered compilation promotes a method
            // only once no new method has been called for 100 ms), and the flat page measured 1.10× instead of 1.98×.
            var options = new Options([BenchScale.Parse("1")], [], TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), DefaultServer,
                InProcess: false, Reuse: false, NoPeer: false, ApiPort: null, PeerPort: null, WorkloadSelection.All,
                new Dictionary<string, string>());
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] is "--in-process" or "--reuse" or "--no-peer")
                {
                    options = args[i] switch
                    {
                        "--reuse" => options with { Reuse = true },
                        "--no-peer" => options with { NoPeer = true },
                        _ => options with { InProcess = true },
                    };
                    continue;
                }
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
                options = args[i++] switch
                {
                    "--scale" => options with
                    {
                        Scales = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(BenchScale.Parse).ToArray(),
                    },
                    "--clients" => options with { Clients = Ints(value) },
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                    "--connection" => options with { Server = value },
                    "--api-port" => options with { ApiPort = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--peer-port" => options with { PeerPort = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--workloads" => options with { Selection = WorkloadSelection.Parse(value) },
                    "--api-env" => options with { ApiEnvironment = WithVariable(options.ApiEnvironment, value) },
                    var other => throw new ArgumentException($"unknown option {other}"),
                };
            }
            // Side by side, the dashboard case of the issue is 32 clients; alone, the concurrency ratio needs 1 too.
            if (options.Clients.Length == 0) options = options with { Clients = options.InProcess ? [1, 32] : [32] };
            if (options.Clients.Any(c => c < 1) || options.Duration <= TimeSpan.Zero)
                throw new ArgumentException("clients must be positive, the duration above zero");
            return options;
        }
        private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> environment, string assignment)
        {
            var at = assignment.IndexOf('=');
            if (at < 1) throw new ArgumentException($"--api-env needs NAME=VALUE, not '{assignment}'");
            return new Dictionary<string, string>(environment) { [assignment[..at]] = assignment[(at + 1)..] };
        }

        private static int[] Ints(string value) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Distinct().ToArray();
    }
}
