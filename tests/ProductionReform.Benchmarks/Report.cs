using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductionReform.Benchmarks;

/// <summary>The figures of one scale.</summary>
public sealed record ScaleResult(
    BenchScale Scale, string Database, DataSize Rows, double PrepareSeconds, List<string> Skipped, List<Measurement> Results);

/// <summary>Throughput at the most clients over throughput at one client, per scale and workload.</summary>
public sealed record ConcurrencyRatio(string Scale, string Workload, int Clients, double Ratio);

/// <summary>p50 at the largest scale over p50 at the smallest, per workload and concurrency.</summary>
public sealed record ScaleRatio(string Workload, int Clients, string FromScale, string ToScale, double P50Ratio);

/// <summary>Prints tables and ratios, and writes everything as JSON under .data/bench/.</summary>
public static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void PrintScale(ScaleResult scale)
    {
        Console.WriteLine();
        Console.WriteLine($"Scale {scale.Scale} ({scale.Database}: {scale.Rows.Enterprises} enterprises, {scale.Rows.Studios} studios, " +
                          $"{scale.Rows.IndicatorValues} indicator values; prepared in {scale.PrepareSeconds:F1} s)");
        var header = $"{"workload",-14} {"clients",7} {"req/s",9} {"p50 ms",8} {"p99 ms",8} " +
                     $"{"mean ms",8} {"SQL/req",8} {"requests",9} {"errors",6}";
        Console.WriteLine(header);
        Console.WriteLine(new string('-', header.Length));
        foreach (var m in scale.Results)
            Console.WriteLine(string.Format(Inv, "{0,-14} {1,7} {2,9:F1} {3,8:F2} {4,8:F2} {5,8:F2} {6,8:F2} {7,9} {8,6}",
                m.Workload, m.Clients, m.RequestsPerSecond, m.P50Ms, m.P99Ms, m.MeanMs, m.SqlStatementsPerRequest, m.Requests, m.Errors));
        foreach (var skipped in scale.Skipped) Console.WriteLine($"skipped: {skipped}");
    }

    public static List<ConcurrencyRatio> ConcurrencyRatios(IEnumerable<ScaleResult> scales) =>
    [
        .. from scale in scales
           from g in scale.Results.GroupBy(m => m.Workload)
           let one = g.FirstOrDefault(m => m.Clients == 1)
           let most = g.MaxBy(m => m.Clients)
           where one is { RequestsPerSecond: > 0 } && most is not null && most.Clients > 1
           select new ConcurrencyRatio(scale.Scale.Label, g.Key, most.Clients, most.RequestsPerSecond / one.RequestsPerSecond),
    ];

    public static List<ScaleRatio> ScaleRatios(IReadOnlyList<ScaleResult> scales)
    {
        if (scales.Count < 2) return [];
        var small = scales.MinBy(s => s.Rows.Enterprises)!;
        var large = scales.MaxBy(s => s.Rows.Enterprises)!;
        return
        [
            .. from a in small.Results
               join b in large.Results on (a.Workload, a.Clients) equals (b.Workload, b.Clients)
               where a.P50Ms > 0
               select new ScaleRatio(a.Workload, a.Clients, small.Scale.Label, large.Scale.Label, b.P50Ms / a.P50Ms),
        ];
    }

    public static void PrintRatios(List<ConcurrencyRatio> concurrency, List<ScaleRatio> scale)
    {
        Console.WriteLine();
        Console.WriteLine("Throughput, most clients vs 1 client (req/s ratio):");
        foreach (var r in concurrency)
            Console.WriteLine(string.Format(Inv, "  scale {0,-5} {1,-14} {2,3} vs 1 clients: ×{3:F2}",
                r.Scale, r.Workload, r.Clients, r.Ratio));
        if (scale.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine($"p50 latency, scale {scale[0].ToScale} vs scale {scale[0].FromScale}:");
        foreach (var r in scale)
            Console.WriteLine(string.Format(Inv, "  {0,-14} {1,3} clients: ×{2:F2}", r.Workload, r.Clients, r.P50Ratio));
    }

    /// <summary>Writes the run to <c>&lt;repo&gt;/.data/bench/&lt;timestamp&gt;.json</c> and returns the path.</summary>
    public static async Task<string> WriteJsonAsync(DateTimeOffset startedAt, string setUp, object options, object results)
    {
        var directory = Path.Combine(RepositoryRoot(), ".data", "bench");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json");
        var document = new
        {
            startedAt,
            machine = new
            {
                Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
                note = $"API, load clients and PostgreSQL share this machine; {setUp}",
            },
            options,
            results,
        };
        var json = JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        await File.WriteAllTextAsync(path, json, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The folder holding ProductionReform.sln, from the working directory or the binaries upward.</summary>
    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ProductionReform.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
