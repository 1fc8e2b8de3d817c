using Npgsql;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Subscriptions;

/// <summary>
/// Subscriptions end to end: the reference clients (graphql-ws, graphql-sse) in Node against the API on real ports, real
/// writes (mutations, a plain SQL UPDATE) announced by PostgreSQL, and a second API instance on the same database.
/// </summary>
[TestFixture]
public sealed class SubscriptionTests
{
    private const string EnterpriseChanged = """
        subscription($name: String!) {
          enterprisesChanged(where: { name: { eq: $name } }) { list operation id version time record { name employeeCount } }
        }
        """;

    private string _database = null!;
    private LiveHost _api = null!;
    private LiveHost _second = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("subscriptions");
        _api = await LiveHost.StartAsync(_database);
        _second = await LiveHost.StartAsync(_database);
        _editor = await _api.CreateKeyAsync("Subscription tests", RegistryRole.Editor);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _second.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }

    [Test]
    public async Task A_graphql_ws_subscriber_receives_the_updated_record_that_matches_where_and_not_the_other()
    {
        var (watched, other) = await TwoEnterprisesAsync(0);
        await using var client = await SubscriptionClient.WebSocketAsync(_api.Address, null,
            new SubscriptionClient.Operation(EnterpriseChanged, new { name = watched.Name }));
        await _api.ListeningAsync(1);

        // The other record's change is committed first: a subscriber that ignored `where` would receive it first.
        await UpdateEmployeesAsync(_api, other, other.Employees + 1);
        var version = await UpdateEmployeesAsync(_api, watched, watched.Employees + 7);

        var change = Change(await client.NextAsync(), "enterprisesChanged");
        Assert.Multiple(() =>
        {
            Assert.That(change["id"]!.GetValue<string>(), Is.EqualTo(watched.Id));
            Assert.That(change["list"]!.GetValue<string>(), Is.EqualTo("enterprises"));
            Assert.That(change["operation"]!.GetValue<string>(), Is.EqualTo("UPDATE"));
            Assert.That(change["record"]!["name"]!.GetValue<string>(), Is.EqualTo(watched.Name));
            Assert.That(change["record"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(watched.Employees + 7));
            Assert.That(change["version"]!.GetValue<long>(), Is.Positive);
            Assert.That(version, Is.GreaterThan(watched.Version));
        });
    }

    [Test]
    public async Task A_mutation_on_one_instance_reaches_a_graphql_ws_subscriber_of_another()
    {
        var (watched, _) = await TwoEnterprisesAsync(2);
        await using var client = await SubscriptionClient.WebSocketAsync(_second.Address, null,
            new SubscriptionClient.Operation(EnterpriseChanged, new { name = watched.Name }));
        await _second.ListeningAsync(1);

        await UpdateEmployeesAsync(_api, watched, watched.Employees + 3);

        var change = Change(await client.NextAsync(), "enterprisesChanged");
        Assert.That(change["record"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(watched.Employees + 3));
    }

    [Test]
    public async Task A_plain_SQL_update_reaches_a_graphql_sse_subscriber()
    {
        var (watched, _) = await TwoEnterprisesAsync(4);
        await using var client = await SubscriptionClient.EventStreamAsync(_api.Address, null,
            new SubscriptionClient.Operation(EnterpriseChanged, new { name = watched.Name }));
        await _api.ListeningAsync(1);

        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE enterprises SET employee_count = employee_count + 11 WHERE name = @name",
                connection);
            update.Parameters.AddWithValue("name", watched.Name);
            Assert.That(await update.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        var change = Change(await client.NextAsync(), "enterprisesChanged");
        Assert.Multiple(() =>
        {
            Assert.That(change["id"]!.GetValue<string>(), Is.EqualTo(watched.Id));
            Assert.That(change["record"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(watched.Employees + 11));
        });
    }

    [Test]
    public async Task A_graphql_sse_aggregate_subscriber_receives_the_count_now_and_after_a_change()
    {
        var (watched, _) = await TwoEnterprisesAsync(6);
        const string where = "{ employeeCount: { gte: 3000000 } }";
        var before = (await _api.QueryAsync($"{{ enterprisesAggregate(where: {where}) {{ count }} }}"))["enterprisesAggregate"]!["count"]!
            .GetValue<int>();
        await using var client = await SubscriptionClient.EventStreamAsync(_api.Address, null,
            new SubscriptionClient.Operation($"subscription {{ enterprisesAggregateChanged(where: {where}) {{ count }} }}", Take: 2));
        await _api.ListeningAsync(1);
        var first = Change(await client.NextAsync(), "enterprisesAggregateChanged");

        await UpdateEmployeesAsync(_api, watched, 3_000_001);

        var second = Change(await client.NextAsync(), "enterprisesAggregateChanged");
        Assert.Multiple(() =>
        {
            Assert.That(first["count"]!.GetValue<int>(), Is.EqualTo(before));
            Assert.That(second["count"]!.GetValue<int>(), Is.EqualTo(before + 1));
        });
    }

    [Test]
    public async Task A_deletion_reaches_a_filtered_subscriber_without_the_record()
    {
        var created = (await _api.QueryAsync(
            """mutation { createRegion(input: { name: "订阅删除测试区", kind: DISTRICT }) { region { id version } } }""",
            bearer: _editor))["createRegion"]!["region"]!;
        await using var client = await SubscriptionClient.WebSocketAsync(_api.Address, null, new SubscriptionClient.Operation(
            """subscription { regionsChanged(where: { name: { eq: "某个别的区" } }) { operation id record { name } } }"""));
        await _api.ListeningAsync(1);

        await _api.QueryAsync("mutation($id: ID!, $v: Long!) { deleteRegion(input: { id: $id, version: $v }) { deletedId } }",
            new { id = created["id"]!.GetValue<string>(), v = created["version"]!.GetValue<long>() }, _editor);

        var change = Change(await client.NextAsync(), "regionsChanged");
        Assert.Multiple(() =>
        {
            Assert.That(change["operation"]!.GetValue<string>(), Is.EqualTo("DELETE"));
            Assert.That(change["id"]!.GetValue<string>(), Is.EqualTo(created["id"]!.GetValue<string>()));
            Assert.That(change["record"], Is.Null);
        });
    }

    [Test]
    public async Task Operations_over_the_WebSocket_go_through_the_same_roles_as_over_HTTP()
    {
        var (watched, _) = await TwoEnterprisesAsync(8);
        const string mutation = """
            mutation($id: ID!, $v: Long!, $n: Int!) {
              updateEnterprise(input: { id: $id, version: $v, employeeCount: $n }) { enterprise { employeeCount } }
            }
            """;
        var variables = new { id = watched.Id, v = watched.Version, n = watched.Employees + 1 };
        await using var anonymous = await SubscriptionClient.WebSocketAsync(_api.Address, null,
            new SubscriptionClient.Operation(mutation, variables));
        await using var editor = await SubscriptionClient.WebSocketAsync(_api.Address,
            new Dictionary<string, string> { ["authorization"] = "Bearer " + _editor },
            new SubscriptionClient.Operation(mutation, variables));

        var refused = await anonymous.NextAsync();
        var saved = await editor.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(refused["type"]!.GetValue<string>(), Is.EqualTo("error"), refused.ToJsonString());
            Assert.That(refused["error"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("AUTH_NOT_AUTHORIZED"));
            Assert.That(Change(saved, "updateEnterprise")["enterprise"]!["employeeCount"]!.GetValue<int>(),
                Is.EqualTo(watched.Employees + 1));
        });
    }

    [Test]
    public async Task Subscriptions_over_the_limits_of_a_connection_and_of_a_caller_are_refused()
    {
        await using var limited = await LiveHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Limits:Subscriptions:MaxPerConnection"] = "1",
            ["Limits:Subscriptions:MaxPerCaller"] = "1",
        });
        const string query = "subscription { regionsChanged { id } }";
        await using var socket = await SubscriptionClient.WebSocketAsync(limited.Address, null,
            new SubscriptionClient.Operation(query), new SubscriptionClient.Operation(query));
        var overConnection = await socket.NextAsync();
        await limited.ListeningAsync(1);
        await using var stream = await SubscriptionClient.EventStreamAsync(limited.Address, null, new SubscriptionClient.Operation(query));
        var overCaller = await stream.NextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(overConnection["type"]!.GetValue<string>(), Is.EqualTo("error"), overConnection.ToJsonString());
            var connectionError = overConnection["error"]!["errors"]![0]!["extensions"]!;
            Assert.That(connectionError["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(connectionError["limit"]!.GetValue<string>(), Is.EqualTo("subscriptions.maxPerConnection"));
            Assert.That(overCaller["type"]!.GetValue<string>(), Is.EqualTo("next"), overCaller.ToJsonString());
            var callerError = overCaller["payload"]!["errors"]![0]!["extensions"]!;
            Assert.That(callerError["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(callerError["limit"]!.GetValue<string>(), Is.EqualTo("subscriptions.maxPerCaller"));
        });
    }

    [Test]
    public async Task Changed_of_several_lists_delivers_a_created_record_selected_by_fragment_and_refuses_an_unknown_list()
    {
        await using var client = await SubscriptionClient.EventStreamAsync(_api.Address, null, new SubscriptionClient.Operation(
            """subscription { changed(lists: ["industries", "regions"]) { list operation record { ... on Region { name kind } } } }"""));
        await using var unknown = await SubscriptionClient.WebSocketAsync(_api.Address, null,
            new SubscriptionClient.Operation("""subscription { changed(lists: ["regions", "nowhere"]) { id } }"""));
        await _api.ListeningAsync(1);

        await _api.QueryAsync("""mutation { createRegion(input: { name: "订阅多表测试区", kind: TOWNSHIP }) { region { id } } }""",
            bearer: _editor);

        var change = Change(await client.NextAsync(), "changed");
        var refused = await unknown.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(change["list"]!.GetValue<string>(), Is.EqualTo("regions"));
            Assert.That(change["operation"]!.GetValue<string>(), Is.EqualTo("CREATE"));
            Assert.That(change["record"]!["name"]!.GetValue<string>(), Is.EqualTo("订阅多表测试区"));
            Assert.That(change["record"]!["kind"]!.GetValue<string>(), Is.EqualTo("TOWNSHIP"));
            Assert.That(refused["type"]!.GetValue<string>(), Is.EqualTo("error"), refused.ToJsonString());
            var extensions = refused["error"]!["errors"]![0]!["extensions"]!;
            Assert.That(extensions["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ARGUMENT"));
            Assert.That(extensions["validNames"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Contain("regions"));
        });
    }

    [Test]
    public async Task A_WebSocket_without_connection_init_in_time_or_idle_too_long_is_closed_with_the_protocol_codes()
    {
        await using var limited = await LiveHost.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Limits:Subscriptions:ConnectionInitTimeout"] = "00:00:01",
            ["Limits:Subscriptions:IdleTimeout"] = "00:00:01",
        });
        var endpoint = new Uri(limited.Address.ToString().Replace("http", "ws") + "graphql");
        using var silent = await RawSocket.ConnectAsync(endpoint);
        using var idle = await RawSocket.ConnectAsync(endpoint);
        await idle.SendAsync("""{"type":"connection_init"}""");

        var ack = await idle.ReceiveAsync();
        var (silentStatus, silentReason) = await silent.ClosedAsync();
        var (idleStatus, idleReason) = await idle.ClosedAsync();
        Assert.Multiple(() =>
        {
            Assert.That(ack, Does.Contain("connection_ack"));
            Assert.That((int)silentStatus!, Is.EqualTo(4408), silentReason);
            Assert.That(idleStatus, Is.EqualTo(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure), idleReason);
            Assert.That(idleReason, Is.EqualTo("Idle timeout"));
        });
    }

    [Test]
    public async Task A_subscription_whose_where_is_over_a_limit_fails_with_an_error_message()
    {
        var names = Enumerable.Range(0, 501).Select(i => $"name {i}").ToArray();
        await using var client = await SubscriptionClient.WebSocketAsync(_api.Address, null, new SubscriptionClient.Operation(
            "subscription($names: [String]) { enterprisesChanged(where: { name: { in: $names } }) { id } }", new { names }));

        var refused = await client.NextAsync();
        Assert.Multiple(() =>
        {
            Assert.That(refused["type"]!.GetValue<string>(), Is.EqualTo("error"), refused.ToJsonString());
            Assert.That(refused["error"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
        });
    }

    private sealed record Enterprise(string Id, string Name, long Version, int Employees);

    /// <summary>Two seed enterprises of their own for a test (by position in name order), as they are now.</summary>
    private async Task<(Enterprise Watched, Enterprise Other)> TwoEnterprisesAsync(int skip)
    {
        var data = await _api.QueryAsync($$"""
            { enterprisesPage(skip: {{skip}}, take: 2, order: [{ name: ASC }], where: { employeeCount: { neq: null } }) {
                items { id name version employeeCount } } }
            """);
        var items = data["enterprisesPage"]!["items"]!.AsArray()
            .Select(n => new Enterprise(n!["id"]!.GetValue<string>(), n["name"]!.GetValue<string>(), n["version"]!.GetValue<long>(),
                n["employeeCount"]!.GetValue<int>()))
            .ToList();
        return (items[0], items[1]);
    }

    private async Task<long> UpdateEmployeesAsync(LiveHost host, Enterprise enterprise, int employees)
    {
        var node = await host.QueryAsync("query($id: ID!) { node(id: $id) { ... on Enterprise { version } } }", new { id = enterprise.Id });
        var current = node["node"]!["version"]!.GetValue<long>();
        var data = await host.QueryAsync("""
            mutation($id: ID!, $v: Long!, $n: Int!) {
              updateEnterprise(input: { id: $id, version: $v, employeeCount: $n }) { enterprise { version } errors { code message } }
            }
            """, new { id = enterprise.Id, v = current, n = employees }, _editor);
        Assert.That(data["updateEnterprise"]!["errors"], Is.Null, data.ToJsonString());
        return data["updateEnterprise"]!["enterprise"]!["version"]!.GetValue<long>();
    }

    /// <summary>The field of a <c>next</c> message's data.</summary>
    private static JsonObject Change(JsonObject message, string field)
    {
        Assert.That(message["type"]!.GetValue<string>(), Is.EqualTo("next"), message.ToJsonString());
        Assert.That(message["payload"]!["errors"], Is.Null, message.ToJsonString());
        return message["payload"]!["data"]![field]!.AsObject();
    }
}
