using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Replication;

/// <summary>
/// The API in-process on a primary of the test's own and a hot standby streaming from it (<see cref="ThrowawayCluster"/>),
/// over real HTTP: queries are served by the standby, writes by the primary (and the writer's next reads), and with the
/// standby stopped every read still answers, from the primary. Where an answer went is told by <c>extensions.replica</c>.
/// </summary>
[NonParallelizable]
public sealed class ReadReplicaTests
{
    private const string Database = "reform";
    private const string Standby = "standby";
    private const string Primary = "primary";
    private const string IndustryQuery = "query($code: String!) { industries(where: {code: {eq: $code}}) { nodes { code name } } }";

    // Bounds for replay and the standby's probe, never asserted as durations: only a broken run reaches them.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ThrowawayCluster _primary = null!;
    private ThrowawayCluster _standby = null!;
    private RegistryApi _api = null!;
    private string _writer = null!;
    private string _otherReader = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _primary = await ThrowawayCluster.StartAsync();
        await _primary.CreateDatabaseAsync(Database);
        _standby = await _primary.StartStandbyAsync();
        _api = RegistryApi.On(_primary.ConnectionString(Database), new Dictionary<string, string?>
        {
            ["ConnectionStrings:RegistryReplica"] = _standby.ConnectionString(Database),
            ["Replication:ReadYourWritesSeconds"] = "3",
            ["Replication:RetryStandbySeconds"] = "1",
        });
        _writer = await _api.CreateKeyAsync("Replica writer", RegistryRole.Editor);
        _otherReader = await _api.CreateKeyAsync("Replica reader", RegistryRole.Editor);
        await ServedByStandbyAsync(null);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _standby.DisposeAsync();
        await _primary.DisposeAsync();
    }

    [Test]
    public async Task A_query_is_served_by_the_standby_with_its_lag()
    {
        var body = await ServedByStandbyAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(body["data"]!["industries"]!["nodes"]!.AsArray(), Is.Not.Empty, "the standby holds the seed");
            Assert.That(body["extensions"]!["replica"]!["lagSeconds"]!.GetValue<double>(), Is.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public async Task A_mutation_goes_to_the_primary_its_caller_reads_it_at_once_and_others_after_replay()
    {
        await ServedByStandbyAsync(_writer);
        var code = $"RYW{Guid.NewGuid():N}"[..12];

        var created = await CreateIndustryAsync(code);
        var ownRead = await _api.PostAsAsync(_writer, IndustryQuery, new { code });
        var othersRead = await _api.PostAsAsync(_otherReader, IndustryQuery, new { code });

        Assert.Multiple(() =>
        {
            Assert.That((string?)created["data"]?["createIndustry"]?["industry"]?["code"], Is.EqualTo(code), created.ToJsonString());
            Assert.That(Served(created), Is.EqualTo(Primary), "the mutation");
            Assert.That(Served(ownRead), Is.EqualTo(Primary), "the writer's next read");
            Assert.That(Codes(ownRead), Is.EqualTo(new[] { code }), "the writer reads its own write");
            Assert.That(Served(othersRead), Is.EqualTo(Standby), "another caller's read is not held to the writer's window");
        });

        var afterReplay = await UntilAsync(_otherReader, IndustryQuery, new { code },
            body => Served(body) == Standby && Codes(body).Contains(code));
        var writerAfterWindow = await UntilAsync(_writer, IndustryQuery, new { code }, body => Served(body) == Standby);
        Assert.Multiple(() =>
        {
            Assert.That(Codes(afterReplay), Is.EqualTo(new[] { code }), "another caller sees it once the standby replayed it");
            Assert.That(Codes(writerAfterWindow), Is.EqualTo(new[] { code }), "after the window the writer reads the standby again");
        });
    }

    [Test]
    public async Task While_the_standby_replays_nothing_an_answer_filed_under_the_new_version_comes_from_the_primary()
    {
        await ServedByStandbyAsync(null);
        var (before, _) = await GetAsync("TEXTILE");
        await OnStandbyAsync("SELECT pg_wal_replay_pause()");
        try
        {
            await UntilStandbyAsync("SELECT pg_get_wal_replay_pause_state() = 'paused'");
            var code = $"TAG{Guid.NewGuid():N}"[..12];
            await CreateIndustryAsync(code);

            var stale = await _api.PostAsAsync(null, IndustryQuery, new { code });
            var (tag, tagged) = await GetAsync(code);
            using var patience = new CancellationTokenSource(Patience);
            // The tag moves once this instance has heard of the commit.
            while (tag == before && !patience.IsCancellationRequested) (tag, tagged) = await GetAsync(code);

            Assert.Multiple(() =>
            {
                Assert.That(Served(stale), Is.EqualTo(Standby), "a read without a version label may read the paused standby");
                Assert.That(Codes(stale), Is.Empty, "the paused standby does not have the write yet");
                Assert.That(tag, Is.Not.EqualTo(before), "the ETag moved with the write");
                Assert.That(Served(tagged), Is.EqualTo(Primary), "a standby behind the version is not read");
                Assert.That(Codes(tagged), Is.EqualTo(new[] { code }));
            });
        }
        finally
        {
            await OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }
    }

    [Test]
    public async Task An_import_writes_on_the_primary_and_its_caller_then_reads_from_the_primary()
    {
        await ServedByStandbyAsync(_writer);
        var code = $"IMP{Guid.NewGuid():N}"[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import/industries")
        {
            Content = new StringContent($$"""[{"code": "{{code}}", "name": "副本导入{{code}}", "kind": "OTHER"}]""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _writer);
        using var response = await _api.Client.SendAsync(request);
        var ownRead = await _api.PostAsAsync(_writer, IndustryQuery, new { code });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(Served(ownRead), Is.EqualTo(Primary));
            Assert.That(Codes(ownRead), Is.EqualTo(new[] { code }));
        });
    }

    [Test]
    public async Task With_the_standby_stopped_reads_answer_from_the_primary_and_writes_go_on()
    {
        await ServedByStandbyAsync(null);
        await _standby.StopServerAsync();
        try
        {
            var reads = new List<JsonObject>();
            for (var i = 0; i < 5; i++) reads.Add(await _api.PostAsAsync(null, IndustryQuery, new { code = "TEXTILE" }));
            using var export = await _api.Client.GetAsync("/export/industries.csv");
            var code = $"OFF{Guid.NewGuid():N}"[..12];
            var created = await CreateIndustryAsync(code);

            Assert.Multiple(async () =>
            {
                Assert.That(reads.Where(r => r["errors"] is not null).Select(r => r.ToJsonString()), Is.Empty, "no read fails");
                Assert.That(reads.Select(Served), Is.All.EqualTo(Primary));
                Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK), await export.Content.ReadAsStringAsync());
                Assert.That((string?)created["data"]?["createIndustry"]?["industry"]?["code"], Is.EqualTo(code), created.ToJsonString());
            });
        }
        finally
        {
            await _standby.StartServerAsync();
        }
        // The circuit lets reads back to the standby once it answers again.
        await ServedByStandbyAsync(null);
    }

    [Test]
    public async Task The_standby_refuses_writes_so_none_can_have_gone_there()
    {
        // Proves the test's premise: had a mutation or import above been routed to the standby, it would have failed.
        await using var connection = new NpgsqlConnection(_standby.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE TEMP TABLE written (x int)", connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.That(refused!.SqlState, Is.EqualTo(PostgresErrorCodes.ReadOnlySqlTransaction));
    }

    private Task<JsonObject> CreateIndustryAsync(string code) => _api.PostAsAsync(_writer,
        $$"""mutation { createIndustry(input: {code: "{{code}}", name: "副本{{code}}", kind: OTHER}) { industry { code } } }""");

    /// <summary>A GET of the industry query (so, with an ETag): the tag and the body.</summary>
    private async Task<(string? ETag, JsonObject Body)> GetAsync(string code)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(IndustryQuery)}&variables={Uri.EscapeDataString($$"""{"code":"{{code}}"}""")}";
        using var response = await _api.SendAsync(HttpMethod.Get, url);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        return (response.Headers.ETag?.Tag, body);
    }

    private async Task<object?> OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_standby.ConnectionString(Database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private async Task UntilStandbyAsync(string condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (await OnStandbyAsync(condition) is not true)
        {
            if (patience.IsCancellationRequested) Assert.Fail($"Not true on the standby within {Patience}: {condition}");
            await Task.Delay(100);
        }
    }

    /// <summary>Queries until the standby serves the caller (the first probe after start, replay, the circuit closing).</summary>
    private Task<JsonObject> ServedByStandbyAsync(string? caller) =>
        UntilAsync(caller, IndustryQuery, new { code = "TEXTILE" }, body => Served(body) == Standby);

    private async Task<JsonObject> UntilAsync(string? caller, string query, object variables, Func<JsonObject, bool> done)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var body = await _api.PostAsAsync(caller, query, variables);
            Assert.That(body["errors"], Is.Null, body.ToJsonString());
            if (done(body)) return body;
            if (patience.IsCancellationRequested) Assert.Fail($"Not reached within {Patience}: {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    private static string? Served(JsonObject body) => (string?)body["extensions"]?["replica"]?["served"];

    private static string[] Codes(JsonObject body) =>
        body["data"]!["industries"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!).ToArray();
}
