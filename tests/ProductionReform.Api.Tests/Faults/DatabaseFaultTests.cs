using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>
/// The API (its own process, real Kestrel) on a PostgreSQL cluster of the test's own, which is stopped and started under load
/// and flooded with more clients than the pool has connections: every answer is a success or 503 DATABASE_UNAVAILABLE
/// (or, under the flood, the execution timeout's LIMIT_EXCEEDED), never an internal error or a hang.
/// </summary>
[NonParallelizable]
public sealed class DatabaseFaultTests
{
    private const string Database = "reform";
    private const int Workers = 8;

    private ThrowawayCluster _cluster = null!;
    private ApiProcess _api = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cluster = await ThrowawayCluster.StartAsync();
        await _cluster.CreateDatabaseAsync(Database);
        _api = await ApiProcess.StartAsync(_cluster.ConnectionString(Database));
        _editor = await ApiProcess.CreateKeyAsync(_cluster.ConnectionString(Database), "Outage editor", RegistryRole.Editor);
        NpgsqlConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private sealed record Answer(
        HttpStatusCode Status, string? RetryAfter, List<string> Codes, string? CreatedCode, string? TriedCode, TimeSpan At, string Body);

    [Test]
    public async Task Every_answer_while_postgres_is_stopped_is_success_or_503_and_every_committed_write_is_there_afterwards()
    {
        var answers = new ConcurrentBag<Answer>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var write = i % 2 == 1;
                var code = $"OUTAGE_{worker}_{i}";
                var query = write
                    ? $$"""
                        mutation {
                          createIndustry(input: {code: "{{code}}", name: "停机测试{{worker}}_{{i}}", kind: OTHER}) {
                            industry { code } errors { code }
                          }
                        }
                        """
                    : """
                        {
                          enterprises(where: {name: {contains: "纺织"}}) { totalCount nodes { name } }
                          search(text: "南通") { totalCount }
                        }
                        """;
                answers.Add(await SendAsync(query, write ? code : null, clock));
            }
        })).ToList();

        // Each phase waits for what it needs (bounded, so that a broken run cannot hang): reads and writes succeeding,
        // answers during the outage, a success after it. The recovery time is reported, not asserted.
        await WaitForAsync(() => answers.Count(a => a.Status == HttpStatusCode.OK && a.CreatedCode is not null) >= Workers);
        await _cluster.StopServerAsync();
        var stoppedAt = clock.Elapsed;
        await WaitForAsync(() =>
            answers.Count(a => a.At > stoppedAt && a.Status == HttpStatusCode.ServiceUnavailable) >= 2 * Workers);
        using (var readiness = await _api.Client.GetAsync("/readyz"))
            Assert.That(readiness.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        await _cluster.StartServerAsync();
        var startedAt = clock.Elapsed;
        await WaitForAsync(() =>
            answers.Count(a => a.At > startedAt && a.Status == HttpStatusCode.OK && a.CreatedCode is not null) >= Workers);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var firstSuccess = answers.Where(a => a.At > startedAt && a.Status == HttpStatusCode.OK && a.Codes.Count == 0)
            .Select(a => a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var failedAfterStart = answers.Count(a => a.At > startedAt && a.Status != HttpStatusCode.OK);
        var unavailable = answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable);
        TestContext.Progress.WriteLine($"outage: {answers.Count} answers, {unavailable} × 503 " +
            $"after the stop at {stoppedAt.TotalSeconds:F2} s; first success {(firstSuccess - startedAt).TotalSeconds:F3} s " +
            "after PostgreSQL accepted connections again " +
            $"({failedAfterStart} answers after the start were not successes)");

        var committed = answers.Where(a => a.CreatedCode is not null).Select(a => a.CreatedCode!).ToHashSet();
        var tried = answers.Where(a => a.TriedCode is not null).Select(a => a.TriedCode!).ToHashSet();
        var (present, withoutAudit) = await StoredAsync();
        Assert.Multiple(() =>
        {
            Assert.That(answers.Where(a => !(a.Status == HttpStatusCode.OK && a.Codes.Count == 0)
                                           && !(a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter is not null
                                                && a.Codes.Count > 0 && a.Codes.All(c => c == DatabaseFaults.UnavailableCode)))
                    .Select(a => $"{(int)a.Status} {a.Body}"),
                Is.Empty, "every answer is a success or 503 DATABASE_UNAVAILABLE with Retry-After");
            Assert.That(answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable), Is.GreaterThan(0), "the outage was met");
            Assert.That(firstSuccess, Is.LessThan(TimeSpan.MaxValue), "requests succeed again once PostgreSQL is back");
            Assert.That(committed.Except(present), Is.Empty, "every write answered as saved is stored");
            Assert.That(present.Except(tried), Is.Empty, "nothing is stored that was not sent");
            Assert.That(withoutAudit, Is.Zero, "no write is stored without its audit event");
        });
    }

    [Test]
    public async Task Five_hundred_concurrent_clients_against_the_default_pool_each_get_an_answer()
    {
        const int clients = 500;
        // Only a guard against a hang: the execution timeout (10 s) bounds each request,
        // a connection not had in 5 s is a 503.
        using var client = new HttpClient { BaseAddress = _api.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/graphql", new
                {
                    query = """
                        query($t: String!) {
                          enterprises(where: {name: {contains: $t}}, first: 5) { totalCount nodes { name region { name } } }
                        }
                        """,
                    variables = new { t = i % 2 == 0 ? "纺织" : "南通" },
                });
                var body = await response.Content.ReadAsStringAsync();
                var codes = (JsonNode.Parse(body)?["errors"] as JsonArray ?? [])
                    .Select(e => (string?)e?["extensions"]?["code"] ?? "none").ToList();
                return (Status: (int)response.StatusCode, Codes: codes, Elapsed: clock.Elapsed);
            }
            catch (TaskCanceledException)
            {
                return (Status: 0, Codes: new List<string> { "no answer within 60 s" }, Elapsed: clock.Elapsed);
            }
        }));

        TestContext.Progress.WriteLine($"500 clients: {answers.Count(a => a.Status == 200 && a.Codes.Count == 0)} × 200, " +
            $"{answers.Count(a => a.Codes.Contains("LIMIT_EXCEEDED"))} × LIMIT_EXCEEDED, {answers.Count(a => a.Status == 503)} × 503, " +
            $"last answer after {answers.Max(a => a.Elapsed).TotalSeconds:F1} s");
        // On two loaded cores some requests outlive the execution timeout while they hold a connection: that is their answer.
        Assert.That(answers.Where(a => !(a.Status == 200 && a.Codes.All(c => c == "LIMIT_EXCEEDED"))
                                       && !(a.Status == 503 && a.Codes.All(c => c == DatabaseFaults.UnavailableCode)))
            .Select(a => $"{a.Status} {string.Join(",", a.Codes)}"), Is.Empty, Failures(_api.Output));
    }

    /// <summary>The API's log entries of failures, for the assertion message.</summary>
    private static string Failures(string output)
    {
        var lines = output.Split('\n');
        return string.Join('\n', lines.Select((line, i) => (line, i))
            .Where(l => l.line.Contains("Unhandled exception", StringComparison.Ordinal))
            .Take(3).SelectMany(l => lines.Skip(l.i).Take(12)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(10);
    }

    private async Task<Answer> SendAsync(string query, string? code, Stopwatch clock)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _editor);
        using var response = await _api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body);
        var codes = (json?["errors"] as JsonArray ?? []).Select(e => (string?)e?["extensions"]?["code"] ?? "none")
            .Concat((json?["data"]?["createIndustry"]?["errors"] as JsonArray ?? []).Select(e => (string?)e?["code"] ?? "none")).ToList();
        var created = json?["data"]?["createIndustry"]?["industry"]?["code"]?.GetValue<string>();
        return new Answer(response.StatusCode, response.Headers.RetryAfter?.ToString(), codes, created, code, clock.Elapsed,
            body.Length > 300 ? body[..300] : body);
    }

    private async Task<(HashSet<string> Codes, long WithoutAudit)> StoredAsync()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString(Database) + ";Pooling=false");
        await connection.OpenAsync();
        var codes = new HashSet<string>();
        await using (var command = new NpgsqlCommand("SELECT code FROM industries WHERE code LIKE 'OUTAGE\\_%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        }
        await using var audit = new NpgsqlCommand("""
            SELECT count(*) FROM industries i WHERE i.code LIKE 'OUTAGE\_%'
              AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'Industry' AND a.entity_id = i.id)
            """, connection);
        return (codes, (long)(await audit.ExecuteScalarAsync())!);
    }
}
