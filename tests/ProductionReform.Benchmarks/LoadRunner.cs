using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace ProductionReform.Benchmarks;

/// <summary>One workload at one concurrency: throughput, latency percentiles and SQL statements per request.</summary>
/// <param name="FirstError">What the first failed request answered (status and the start of its body) or threw.</param>
public sealed record Measurement(
    string Workload, int Clients, double Seconds, int Requests, int Errors,
    double RequestsPerSecond, double P50Ms, double P99Ms, double MeanMs, double MaxMs, double SqlStatementsPerRequest,
    string? FirstError = null);

/// <summary>
/// Closed-loop load: <c>clients</c> virtual clients each send a request, wait for the whole response, and send the
/// next, until the duration ends or the request cap is reached. Loopback only; stops by itself.
/// </summary>
public static class LoadRunner
{
    /// <summary>An upper bound on the requests of one measurement, whatever the duration.</summary>
    public const int MaxRequests = 5_000_000;

    /// <summary>Loopback HTTP/1.1 keep-alive client; one shared pool of connections for all virtual clients.</summary>
    public static HttpClient ClientFor(Uri baseAddress) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <param name="countsSql">
    /// The server reports <c>extensions.sqlStatements</c> (ours does; a peer server does not): a response without it is
    /// then an error.
    /// </param>
    public static async Task<Measurement> RunAsync(HttpClient client, Workload workload, int clients, TimeSpan duration, TimeSpan warmUp,
        bool countsSql = true)
    {
        if (warmUp > TimeSpan.Zero) await LoopAsync(client, workload, clients, warmUp, countsSql);
        var watch = Stopwatch.StartNew();
        var samples = await LoopAsync(client, workload, clients, duration, countsSql);
        var seconds = watch.Elapsed.TotalSeconds;

        var latencies = samples.SelectMany(s => s.Latencies).Order().ToArray();
        var requests = latencies.Length;
        var errors = samples.Sum(s => s.Errors);
        var sql = samples.Sum(s => s.SqlStatements);
        var ok = requests - errors;
        return new Measurement(workload.Name, clients, seconds, requests, errors,
            requests / seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99),
            requests == 0 ? 0 : latencies.Average(), requests == 0 ? 0 : latencies[^1],
            ok == 0 ? 0 : (double)sql / ok, samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null));
    }

    private sealed class ClientSamples
    {
        public List<double> Latencies { get; } = new(4096);
        public int Errors;
        public long SqlStatements;
        public string? FirstError;
    }

    private static async Task<ClientSamples[]> LoopAsync(
        HttpClient client, Workload workload, int clients, TimeSpan duration, bool countsSql)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var next = -1;
        var samples = Enumerable.Range(0, clients).Select(_ => new ClientSamples()).ToArray();
        await Task.WhenAll(samples.Select(sample => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= MaxRequests) break;
                var started = Stopwatch.GetTimestamp();
                var (sql, error) = await SendAsync(client, RequestFor(workload, n), countsSql);
                sample.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (error is null) sample.SqlStatements += sql;
                else if (sample.Errors++ == 0) sample.FirstError = error;
            }
        })));
        return samples;
    }

    /// <summary>The <paramref name="n"/>th request of a workload: its bodies or its URLs in turn.</summary>
    private static HttpRequestMessage RequestFor(Workload workload, int n) => workload.Urls.Count > 0
        ? Workloads.Get(workload.Urls[n % workload.Urls.Count], workload.NoCache)
        : Workloads.Post(workload.Bodies[n % workload.Bodies.Count]);

    /// <summary>
    /// Sends one request and reads the whole response. It failed unless it answered 200 without an <c>errors</c>
    /// member; <c>extensions.sqlStatements</c> is read from the tail (GraphQL.NET writes extensions last), so
    /// the client spends little CPU next to the server it shares the machine with.
    /// </summary>
    private static async Task<(int SqlStatements, string? Error)> SendAsync(HttpClient client, HttpRequestMessage request,
        bool countsSql)
    {
        try
        {
            using var sent = request;
            using var response = await client.SendAsync(sent);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            string Failed() => $"{(int)response.StatusCode} {Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 400)))}";
            if (!response.IsSuccessStatusCode || bytes.AsSpan().IndexOf("\"errors\":"u8) >= 0) return (0, Failed());
            if (!countsSql) return (0, null);
            var at = bytes.AsSpan().LastIndexOf("\"sqlStatements\":"u8);
            return at >= 0 && Utf8Parser.TryParse(bytes.AsSpan(at + "\"sqlStatements\":"u8.Length), out int sql, out _)
                ? (sql, null)
                : (0, Failed());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
