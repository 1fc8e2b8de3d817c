using System.Globalization;
using System.Text;

namespace ProductionReform.Benchmarks;

/// <summary>One server's figures for one workload: load, CPU per request in the server and in PostgreSQL, peak RSS.</summary>
public sealed record ServerFigures(Measurement Load, double ServerCpuMsPerRequest, double PostgresCpuMsPerRequest, double PeakRssMb);

/// <summary>Both servers on one workload; <see cref="Peer"/> is null where PostGraphile has no equivalent.</summary>
public sealed record SideBySideResult(string Workload, string Description, int Clients, ServerFigures Ours, ServerFigures? Peer)
{
    public double? Ratio => Peer is { Load.RequestsPerSecond: > 0 } p ? Ours.Load.RequestsPerSecond / p.Load.RequestsPerSecond : null;
}

/// <summary>The figures of one scale, side by side.</summary>
public sealed record SideBySideScale(BenchScale Scale, string Database, DataSize Rows, double ApiReadySeconds, double? PeerReadySeconds,
    double ApiPeakRssMb, List<SideBySideResult> Results);

/// <summary>
/// Measures our API and PostGraphile on the same database, one after the other per workload (the one that goes first
/// alternates), each after its own warm-up, reading CPU from /proc for the server process and its PostgreSQL backends.
/// </summary>
public static class SideBySide
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="peerPort">PostGraphile's port; null measures our API alone.</param>
    public static async Task<SideBySideScale> RunAsync(BenchScale scale, string connectionString, DataSize rows, int apiPort, int? peerPort,
        WorkloadSelection selection, IReadOnlyDictionary<string, string> apiEnvironment, int[] clientCounts, TimeSpan duration,
        TimeSpan warmUp)
    {
        await using var api = await ServerProcess.StartApiAsync(connectionString, apiPort, apiEnvironment);
        await using var peer = peerPort is { } port ? await ServerProcess.StartPostGraphileAsync(connectionString, port) : null;
        Console.WriteLine(string.Format(Inv, "  API (pid {0}) ready in {1:F2} s on {2}", api.Pid, api.ReadyAfter.TotalSeconds,
                              api.BaseAddress) +
                          (peer is null ? "" : string.Format(Inv, "; PostGraphile (pid {0}) ready in {1:F2} s on {2}",
                              peer.Pid, peer.ReadyAfter.TotalSeconds, peer.BaseAddress)));
        var workloads = (await PeerWorkloads.BuildAsync(api.Client, peer?.Client)).Where(w => selection.Includes(w.Name)).ToList();
        Console.WriteLine($"  answers equal on {workloads.Count(w => w.Peer is not null)} workloads; measuring …");
        await using var postgres = new PostgresCpu(connectionString);

        var results = new List<SideBySideResult>();
        var index = 0;
        foreach (var workload in workloads)
            foreach (var clients in clientCounts)
            {
                ServerFigures ours, theirs = null!;
                var peerWorkload = workload.PeerWorkload;
                var peerFirst = peerWorkload is not null && index++ % 2 == 1;
                if (peerFirst) theirs = await MeasureAsync(peer!, peerWorkload!, postgres, clients, duration, warmUp, countsSql: false);
                ours = await MeasureAsync(api, workload.OursWorkload, postgres, clients, duration, warmUp, countsSql: true);
                if (peerWorkload is not null && !peerFirst)
                    theirs = await MeasureAsync(peer!, peerWorkload, postgres, clients, duration, warmUp, countsSql: false);
                var result = new SideBySideResult(workload.Name, workload.Description, clients, ours, peerWorkload is null ? null : theirs);
                results.Add(result);
                PrintLine(result);
            }
        return new SideBySideScale(scale, BenchDatabase.NameFor(scale), rows, api.ReadyAfter.TotalSeconds, peer?.ReadyAfter.TotalSeconds,
            ProcessMetrics.PeakRssMb(api.Pid), results);
    }

    private static async Task<ServerFigures> MeasureAsync(ServerProcess server, Workload workload, PostgresCpu postgres, int clients,
        TimeSpan duration, TimeSpan warmUp, bool countsSql)
    {
        if (warmUp > TimeSpan.Zero) await LoadRunner.RunAsync(server.Client, workload, clients, warmUp, TimeSpan.Zero, countsSql);
        ProcessMetrics.ResetPeak(server.Pid);
        var serverBefore = ProcessMetrics.CpuMs(server.Pid) ?? 0;
        var postgresBefore = await postgres.SnapshotAsync();
        var load = await LoadRunner.RunAsync(server.Client, workload, clients, duration, TimeSpan.Zero, countsSql);
        var serverCpu = (ProcessMetrics.CpuMs(server.Pid) ?? 0) - serverBefore;
        var postgresCpu = PostgresCpu.Between(postgresBefore, await postgres.SnapshotAsync());
        if (await postgres.CancelLeftoversAsync() is > 0 and var leftovers)
            Console.WriteLine(
                $"  ({server.Name}, {workload.Name}: cancelled {leftovers} statements still running after the clients stopped)");
        var requests = Math.Max(1, load.Requests);
        return new ServerFigures(load, serverCpu / requests, postgresCpu / requests, ProcessMetrics.PeakRssMb(server.Pid));
    }

    private static void PrintLine(SideBySideResult r)
    {
        var o = r.Ours;
        var line = string.Format(Inv,
            "  {0,-15} {1,3} clients  ours {2,8:F1} req/s p50 {3,6:F2} p99 {4,7:F2} ms  cpu api {5:F2} pg {6:F2} ms/req  " +
            "rss {7:F0} MB  {8:F1} SQL/req  {9} errors",
            r.Workload, r.Clients, o.Load.RequestsPerSecond, o.Load.P50Ms, o.Load.P99Ms, o.ServerCpuMsPerRequest, o.PostgresCpuMsPerRequest,
            o.PeakRssMb, o.Load.SqlStatementsPerRequest, o.Load.Errors);
        Console.WriteLine(line);
        if (o.Load.FirstError is { } ours) Console.WriteLine($"    first error (ours): {ours} (log: {ServerProcess.LogPath("API")})");
        if (r.Peer is not { } p) return;
        Console.WriteLine(string.Format(Inv,
            "  {0,-15} {1,3} clients  peer {2,8:F1} req/s p50 {3,6:F2} p99 {4,7:F2} ms  cpu srv {5:F2} pg {6:F2} ms/req  " +
            "rss {7:F0} MB  {8} errors  → ×{9:F2}",
            "", r.Clients, p.Load.RequestsPerSecond, p.Load.P50Ms, p.Load.P99Ms, p.ServerCpuMsPerRequest, p.PostgresCpuMsPerRequest,
            p.PeakRssMb, p.Load.Errors, r.Ratio));
        if (p.Load.FirstError is { } peer) Console.WriteLine($"    first error (peer): {peer}");
    }

    /// <summary>The Markdown table the README carries: one row per workload and concurrency.</summary>
    public static string Table(IEnumerable<SideBySideScale> scales)
    {
        var text = new StringBuilder();
        text.AppendLine("| workload | data | clients | ours req/s | p50 / p99 ms | PostGraphile req/s | p50 / p99 ms | ratio | " +
                        "CPU ms/req ours (API + PG) | PostGraphile (node + PG) | errors |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var scale in scales)
            foreach (var r in scale.Results)
            {
                var o = r.Ours;
                var p = r.Peer;
                text.AppendLine(string.Format(Inv,
                    "| {0} | {1} | {2} | {3:N0} | {4:F1} / {5:F1} | {6} | {7} | {8} | {9:F2} + {10:F2} | {11} | {12} |",
                    r.Workload, scale.Scale.Label == "1" ? "seed" : $"{scale.Rows.Enterprises:N0} firms", r.Clients,
                    o.Load.RequestsPerSecond, o.Load.P50Ms, o.Load.P99Ms,
                    p is null ? "—" : p.Load.RequestsPerSecond.ToString("N0", Inv),
                    p is null ? "—" : string.Format(Inv, "{0:F1} / {1:F1}", p.Load.P50Ms, p.Load.P99Ms),
                    r.Ratio is { } ratio ? string.Format(Inv, "{0:F2}×", ratio) : "—",
                    o.ServerCpuMsPerRequest, o.PostgresCpuMsPerRequest,
                    p is null ? "—" : string.Format(Inv, "{0:F2} + {1:F2}", p.ServerCpuMsPerRequest, p.PostgresCpuMsPerRequest),
                    p is null ? o.Load.Errors.ToString(Inv) : $"{o.Load.Errors} / {p.Load.Errors}"));
            }
        return text.ToString();
    }
}
