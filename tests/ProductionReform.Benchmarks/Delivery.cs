using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace ProductionReform.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/ProductionReform.Benchmarks -- --delivery [subscribers, default 100]
///   [--duration seconds, default 10] [--connection "…"]
/// Delivery latency of subscriptions: that many graphql-transport-ws subscribers of <c>enterprisesChanged</c> on the API
/// (in-process, reform_bench_1), and a writer that commits one plain SQL UPDATE at a time and waits until every
/// subscriber has it. Latency is the time a subscriber reads the event minus the commit time the database stamped on it
/// (<c>clock_timestamp()</c> just before commit; one machine, one clock); p50 and p99 over every delivery are printed.
/// </summary>
public static class Delivery
{
    private const string Subscription = "subscription { enterprisesChanged { version time } }";

    /// <summary>Not a measured figure: how long the writer waits for a commit's deliveries before counting them lost.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(int subscribers, TimeSpan duration, string server)
    {
        var (connectionString, _) = await BenchDatabase.PrepareAsync(server, BenchScale.Parse("1"), reuse: true);
        await using var api = await BenchServer.StartAsync(connectionString,
            new Dictionary<string, string> { ["Limits:Subscriptions:MaxPerCaller"] = "0" }); // one address for all subscribers
        var endpoint = new Uri(api.BaseAddress.ToString().Replace("http", "ws") + "graphql");
        var latencies = new List<double>();
        var clients = new List<Subscriber>();
        for (var i = 0; i < subscribers; i++) clients.Add(await Subscriber.ConnectAsync(endpoint, latencies));
        Console.WriteLine(
            $"Delivery: {subscribers} graphql-transport-ws subscribers on {endpoint}, {duration.TotalSeconds:0.#} s of commits");

        await using var writer = new NpgsqlConnection(connectionString);
        await writer.OpenAsync();
        var target = await FirstEnterpriseAsync(writer);
        int commits = 0, lost = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var waiting = clients.Select(c => c.NextAsync()).ToList();
            const string sql = "UPDATE enterprises SET employee_count = coalesce(employee_count, 0) + 1 WHERE id = @id";
            await using (var update = new NpgsqlCommand(sql, writer))
            {
                update.Parameters.AddWithValue("id", target);
                await update.ExecuteNonQueryAsync();
            }
            commits++;
            var all = Task.WhenAll(waiting);
            if (await Task.WhenAny(all, Task.Delay(Patience)) != all) lost += waiting.Count(t => !t.IsCompleted);
        }
        foreach (var client in clients) await client.DisposeAsync();

        double[] sorted;
        lock (latencies) sorted = [.. latencies.Order()];
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "  {0} commits, {1} deliveries, {2} lost: p50 {3:F2} ms  p99 {4:F2} ms  max {5:F2} ms",
            commits, sorted.Length, lost, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.LastOrDefault()));
        return lost > 0 ? 1 : 0;
    }

    private static async Task<int> FirstEnterpriseAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT min(id) FROM enterprises", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static double Percentile(double[] sorted, double rank) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(rank * sorted.Length) - 1)];

    /// <summary>A minimal graphql-transport-ws client: init, one subscription, pongs, and the latency of each event.</summary>
    private sealed class Subscriber : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly List<double> _latencies;
        private readonly CancellationTokenSource _stop = new();
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task _receiving = Task.CompletedTask;

        private Subscriber(List<double> latencies) => _latencies = latencies;

        public static async Task<Subscriber> ConnectAsync(Uri endpoint, List<double> latencies)
        {
            var subscriber = new Subscriber(latencies);
            subscriber._socket.Options.AddSubProtocol("graphql-transport-ws");
            await subscriber._socket.ConnectAsync(endpoint, CancellationToken.None);
            await subscriber.SendAsync(new { type = "connection_init" });
            if ((await subscriber.ReceiveAsync())?["type"]?.GetValue<string>() != "connection_ack")
                throw new InvalidOperationException("The server did not acknowledge connection_init.");
            await subscriber.SendAsync(new { id = "1", type = "subscribe", payload = new { query = Subscription } });
            subscriber._receiving = subscriber.ReceiveLoopAsync();
            return subscriber;
        }

        /// <summary>Completes with the subscriber's next event.</summary>
        public Task NextAsync() => Volatile.Read(ref _next).Task;

        private async Task ReceiveLoopAsync()
        {
            while (await ReceiveAsync() is { } message)
            {
                switch (message["type"]?.GetValue<string>())
                {
                    case "ping":
                        await SendAsync(new { type = "pong" });
                        break;
                    case "next":
                        var time = message["payload"]!["data"]!["enterprisesChanged"]!["time"]!.GetValue<string>();
                        var committed = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
                        var latency = (DateTimeOffset.UtcNow - committed).TotalMilliseconds;
                        lock (_latencies) _latencies.Add(latency);
                        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        Interlocked.Exchange(ref _next, next).TrySetResult();
                        break;
                }
            }
        }

        private Task SendAsync(object message) =>
            _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, _stop.Token);

        private async Task<JsonNode?> ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            using var text = new MemoryStream();
            try
            {
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close) return null;
                    text.Write(buffer, 0, received.Count);
                } while (!received.EndOfMessage);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                return null;
            }
            return JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()));
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _receiving;
            _socket.Abort();
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
