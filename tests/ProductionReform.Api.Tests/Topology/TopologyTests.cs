using System.Net;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>
/// Several instances on one database behind HAProxy (<c>scripts/test topology</c>): reads spread over them, and what one
/// instance writes or registers is seen by the other — records, subscriptions, ETags and the response cache, persisted queries.
/// </summary>
[TestFixture, Category("Topology"), NonParallelizable]
public sealed class TopologyTests
{
    /// <summary>Not an assertion on speed: how long an instance may take to hear of (or its standby to replay) another's commit.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private RunningTopology _topology = null!;

    [OneTimeSetUp]
    public void Load() => _topology = RunningTopology.Load();

    [Test]
    public async Task Reads_through_HAProxy_are_answered_by_both_instances()
    {
        var answers = new List<TopologyAnswer>();
        for (var i = 0; i < 6; i++) answers.Add(await TopologyClient.GetAsync(_topology.Shared, "{ regions(first: 1) { totalCount } }"));

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Data["regions"]!["totalCount"]!.GetValue<int>()).Distinct().Single(), Is.Positive);
            Assert.That(answers.Select(a => a.Instance).Distinct().Order(), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public async Task A_mutation_through_A_is_visible_through_B()
    {
        var enterprise = await EnterpriseAsync(0);

        await UpdateEmployeesAsync("a", enterprise, enterprise.Employees + 5);

        // With a standby, B reads from it: the write shows once replayed.
        var read = await UntilAsync(() => ReadEmployeesAsync("b", enterprise), answer => Employees(answer) != enterprise.Employees);
        Assert.That(Employees(read), Is.EqualTo(enterprise.Employees + 5));
    }

    [Test]
    public async Task With_a_standby_the_reads_of_an_instance_are_served_by_it()
    {
        if (!_topology.Standby)
            Assert.Ignore("No standby in this topology: scripts/topology starts one on the scripts' own cluster (TOPOLOGY_STANDBY=1).");
        var query = new { query = "{ regions(first: 1) { totalCount } }" };

        var read = await UntilAsync(() => TopologyClient.PostAsync(_topology["b"], query), answer => Served(answer) == "standby");

        Assert.That(read.Data["regions"]!["totalCount"]!.GetValue<int>(), Is.Positive);
    }

    [Test]
    public async Task A_subscription_on_B_receives_a_change_made_through_A()
    {
        var enterprise = await EnterpriseAsync(1);
        await using var client = await Subscriptions.SubscriptionClient.EventStreamAsync(_topology["b"], null,
            new Subscriptions.SubscriptionClient.Operation(
                "subscription($name: String!) { enterprisesAggregateChanged(where: { name: { eq: $name } }) { sum { employeeCount } } }",
                new { name = enterprise.Name }, Take: 2));
        // The first answer comes once the subscription listens on B.
        var before = await client.NextAsync();

        await UpdateEmployeesAsync("a", enterprise, enterprise.Employees + 9);

        var after = await client.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(SumOf(before), Is.EqualTo(enterprise.Employees), before.ToJsonString());
            Assert.That(SumOf(after), Is.EqualTo(enterprise.Employees + 9), after.ToJsonString());
        });
    }

    [Test]
    public async Task A_write_through_A_invalidates_the_ETag_and_the_response_cache_entry_of_B()
    {
        var enterprise = await EnterpriseAsync(2);
        var query = $$"""{ node(id: "{{enterprise.Id}}") { ... on Enterprise { employeeCount } } }""";
        var first = await TopologyClient.GetAsync(_topology["b"], query);
        var cached = await TopologyClient.GetAsync(_topology["b"], query);
        var unchanged = await TopologyClient.GetAsync(_topology["b"], query, first.ETag);

        await UpdateEmployeesAsync("a", enterprise, enterprise.Employees + 13);
        var changed = await UntilAsync(() => TopologyClient.GetAsync(_topology["b"], query, first.ETag),
            answer => answer.Status != HttpStatusCode.NotModified);

        Assert.Multiple(() =>
        {
            Assert.That(first.ETag, Is.Not.Null, "B answers with an ETag once its change listener is connected");
            Assert.That(cached.Body?["extensions"]?["responseCache"]?.GetValue<string>(), Is.EqualTo("HIT"), cached.Body?.ToJsonString());
            Assert.That(unchanged.Status, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(Employees(changed), Is.EqualTo(enterprise.Employees + 13));
            Assert.That(changed.ETag, Is.Not.EqualTo(first.ETag));
            Assert.That(changed.Body?["extensions"]?["responseCache"]?.GetValue<string>(), Is.EqualTo("MISS"));
        });
    }

    [Test]
    public async Task With_Redis_a_persisted_query_registered_through_A_runs_through_B()
    {
        var (query, extensions) = UniquePersistedQuery();

        var registered = await TopologyClient.PostAsync(_topology["a"], new { query, extensions });
        var byHash = await TopologyClient.PostAsync(_topology["b"], new { extensions });

        Assert.Multiple(() =>
        {
            Assert.That(registered.Data["regions"], Is.Not.Null);
            Assert.That(byHash.Data["regions"]!.ToJsonString(), Is.EqualTo(registered.Data["regions"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task Without_Redis_a_persisted_query_registered_through_C_is_not_found_on_D_until_the_client_resends_it()
    {
        var (query, extensions) = UniquePersistedQuery();

        var registered = await TopologyClient.PostAsync(_topology["c"], new { query, extensions });
        var unknown = await TopologyClient.PostAsync(_topology["d"], new { extensions });
        var resent = await TopologyClient.PostAsync(_topology["d"], new { query, extensions });
        var byHash = await TopologyClient.PostAsync(_topology["d"], new { extensions });

        Assert.Multiple(() =>
        {
            Assert.That(registered.Data["regions"], Is.Not.Null);
            Assert.That(unknown.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), unknown.Body?.ToJsonString());
            Assert.That(resent.Data["regions"], Is.Not.Null);
            Assert.That(byHash.Data["regions"]!.ToJsonString(), Is.EqualTo(registered.Data["regions"]!.ToJsonString()));
        });
    }

    private static (string Query, object Extensions) UniquePersistedQuery()
    {
        var query = $"query Persisted{Guid.NewGuid():N} {{ regions(first: 2, order: [{{ name: ASC }}]) {{ nodes {{ name }} }} }}";
        return (query, new { persistedQuery = new { version = 1, sha256Hash = PersistedQueryStore.Hash(query) } });
    }

    private static int SumOf(JsonObject message) =>
        message["payload"]!["data"]!["enterprisesAggregateChanged"]!["sum"]!["employeeCount"]!.GetValue<int>();

    private static string? Served(TopologyAnswer answer) => answer.Body?["extensions"]?["replica"]?["served"]?.GetValue<string>();

    private static int Employees(TopologyAnswer answer) => answer.Data["node"]!["employeeCount"]!.GetValue<int>();

    private static async Task<TopologyAnswer> UntilAsync(Func<Task<TopologyAnswer>> request, Func<TopologyAnswer, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await request();
            if (done(answer)) return answer;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Still {(int)answer.Status} after {Patience.TotalSeconds} s: {answer.Body?.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private sealed record Enterprise(string Id, string Name, int Employees);

    /// <summary>A seed enterprise of the test's own (by position in name order), as it is now.</summary>
    private async Task<Enterprise> EnterpriseAsync(int skip)
    {
        var answer = await TopologyClient.PostAsync(_topology.Shared, new
        {
            query = $$"""
                { enterprisesPage(skip: {{skip}}, take: 1, order: [{ name: ASC }], where: { employeeCount: { neq: null } }) {
                    items { id name employeeCount } } }
                """,
        });
        var item = answer.Data["enterprisesPage"]!["items"]![0]!;
        return new Enterprise(item["id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["employeeCount"]!.GetValue<int>());
    }

    private Task<TopologyAnswer> ReadEmployeesAsync(string instance, Enterprise enterprise) =>
        TopologyClient.PostAsync(_topology[instance], new
        {
            query = "query($id: ID!) { node(id: $id) { ... on Enterprise { employeeCount } } }",
            variables = new { id = enterprise.Id },
        });

    private async Task UpdateEmployeesAsync(string instance, Enterprise enterprise, int employees)
    {
        var current = await TopologyClient.PostAsync(_topology[instance], new
        {
            query = "query($id: ID!) { node(id: $id) { ... on Enterprise { version } } }",
            variables = new { id = enterprise.Id },
        });
        var answer = await TopologyClient.PostAsync(_topology[instance], new
        {
            query = """
                mutation($id: ID!, $v: Long!, $n: Int!) {
                  updateEnterprise(input: { id: $id, version: $v, employeeCount: $n }) { errors { code message } }
                }
                """,
            variables = new { id = enterprise.Id, v = current.Data["node"]!["version"]!.GetValue<long>(), n = employees },
        }, _topology.EditorKey);
        Assert.That(answer.Data["updateEnterprise"]!["errors"], Is.Null, answer.Body?.ToJsonString());
    }
}
