using System.Net;
using System.Text;
using Npgsql;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>
/// Each request limit with its default: refused with LIMIT_EXCEEDED, the limit's name, the maximum and the
/// measured figure, during validation so that no SQL runs; and the computed cost in extensions.cost.
/// </summary>
public sealed class LimitsTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("limits");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    /// <summary><c>regions { nodes { parent { … name } } }</c>: depth 3 + the number of parents.</summary>
    internal static string RegionChain(int parents) =>
        "{ regions(first: 1) { nodes { " + string.Concat(Enumerable.Repeat("parent { ", parents)) + "name"
        + string.Concat(Enumerable.Repeat(" }", parents)) + " } } }";

    [Test]
    public async Task A_query_deeper_than_15_levels_is_refused_with_its_depth()
    {
        var atLimit = await _api.PostAsync(new { query = RegionChain(12) });
        Assert.That(atLimit.Json["errors"], Is.Null, atLimit.Text);

        var reply = await _api.PostAsync(new { query = RegionChain(13) });
        AssertLimit(reply, "maxDepth", 15, 16);
    }

    [Test]
    public async Task A_query_whose_lists_may_return_more_than_the_maximum_rows_is_refused_with_its_cost()
    {
        // 100 enterprises + 100 × 100 studios + 100 × 100 × 100 outputs.
        var reply = await _api.PostAsync(new
        {
            query = """
                {
                  enterprises(first: 100) {
                    nodes { name studios(first: 100) { nodes { name outputs(first: 100) { nodes { title } } } } }
                  }
                }
                """,
        });
        AssertLimit(reply, "maxCost", 500_000, 1_010_100);
    }

    [Test]
    public async Task The_cost_reads_page_sizes_from_variables()
    {
        const string query = """
            query($n: Int) {
              enterprises(first: $n) { nodes { studios(first: $n) { nodes { outputs(first: $n) { nodes { title } } } } } }
            }
            """;
        var small = await _api.PostAsync(new { query, variables = new { n = 10 }, extensions = new { cost = true } });
        var large = await _api.PostAsync(new { query, variables = new { n = 90 } });

        Assert.That(small.Json["errors"], Is.Null, small.Text);
        Assert.That(small.Json["extensions"]!["cost"]!.GetValue<long>(), Is.EqualTo(10 + 100 + 1000));
        AssertLimit(large, "maxCost", 500_000, 90 + 8100 + 729_000);
    }

    [TestCase("{ enterprises(first: 10) { nodes { name region { name } studios(first: 3) { nodes { name } } } } }", 10 + 30,
        TestName = "Cost: a page of 10 with 3 studios each")]
    [TestCase("{ enterprises { nodes { studios { nodes { name } } } } }", 20 + 400, TestName = "Cost: default page sizes")]
    [TestCase("{ enterprisesPage(take: 5) { items { name } totalCount } }", 5, TestName = "Cost: a segment counts take")]
    [TestCase("{ enterprises(last: 7) { edges { node { name } } } }", 7, TestName = "Cost: edges take last")]
    [TestCase("{ __typename }", 0, TestName = "Cost: no list, no cost")]
    public async Task The_cost_is_reported_in_extensions_when_the_request_asks(string query, long cost)
    {
        var asked = await _api.PostAsync(new { query, extensions = new { cost = true } });
        var notAsked = await _api.PostAsync(new { query });

        Assert.Multiple(() =>
        {
            Assert.That(asked.Json["errors"], Is.Null, asked.Text);
            Assert.That(asked.Json["extensions"]?["cost"]?.GetValue<long>(), Is.EqualTo(cost), asked.Text);
            Assert.That(notAsked.Json["extensions"]?["cost"], Is.Null, notAsked.Text);
        });
    }

    [Test]
    public async Task The_cost_is_reported_for_a_GET_too()
    {
        var query = Uri.EscapeDataString("{ enterprises(first: 4) { nodes { name } } }");
        var extensions = Uri.EscapeDataString("""{"cost":true}""");
        var reply = await _api.GetAsync($"/graphql?query={query}&extensions={extensions}");
        Assert.That(reply.Json["extensions"]?["cost"]?.GetValue<long>(), Is.EqualTo(4), reply.Text);
    }

    [Test]
    public async Task More_than_50_aliases_are_refused_with_their_count()
    {
        static string Aliases(int count) =>
            "{ regions(first: 1) { nodes { " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: name")) + " } } }";
        var ok = await _api.PostAsync(new { query = Aliases(50) });
        Assert.That(ok.Json["errors"], Is.Null, ok.Text);

        var reply = await _api.PostAsync(new { query = Aliases(51) });
        AssertLimit(reply, "maxAliases", 50, 51);
    }

    [Test]
    public async Task More_than_30_root_fields_are_refused_with_their_count()
    {
        // Fields of one name merge into one answer, so no aliases are needed; fragments at the root count too.
        var reply = await _api.PostAsync(new
        {
            query = "{ " + string.Concat(Enumerable.Repeat("__typename ", 20)) + "...F } fragment F on Query { "
                    + string.Concat(Enumerable.Repeat("__typename ", 12)) + "}",
        });
        AssertLimit(reply, "maxRootFields", 30, 32);
    }

    [Test]
    public async Task A_body_larger_than_256_KB_is_refused_with_413_and_its_size()
    {
        var body = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 300 * 1024) + "\"}}";
        var reply = await _api.PostTextAsync(body);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(reply.Code, Is.EqualTo("REQUEST_TOO_LARGE"));
            Assert.That(reply.FirstError["extensions"]?["limit"]?.GetValue<string>(), Is.EqualTo("maxRequestBodySize"));
            Assert.That(reply.FirstError["extensions"]?["maximum"]?.GetValue<long>(), Is.EqualTo(256 * 1024));
            Assert.That(reply.FirstError["extensions"]?["measured"]?.GetValue<long>(), Is.EqualTo(Encoding.UTF8.GetByteCount(body)));
        });
    }

    [Test]
    public async Task More_values_in_an_in_list_than_allowed_are_refused_before_any_SQL()
    {
        var values = string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"n{i}\""));
        var reply = await _api.PostAsync(new { query = $"{{ enterprises(where: {{ name: {{ in: [{values}] }} }}) {{ totalCount }} }}" });
        Assert.Multiple(() =>
        {
            Assert.That(reply.Code, Is.EqualTo("LIMIT_EXCEEDED"), reply.Text);
            Assert.That(reply.FirstError["extensions"]?["limit"]?.GetValue<string>(), Is.EqualTo("maxInListLength"));
            Assert.That(reply.FirstError["extensions"]?["maximum"]?.GetValue<long>(), Is.EqualTo(500));
            Assert.That(reply.FirstError["extensions"]?["measured"]?.GetValue<long>(), Is.EqualTo(501));
        });
        AssertNoSql(reply);
    }

    [Test]
    public async Task The_standard_introspection_query_passes_every_limit()
    {
        var reply = await _api.PostAsync(new { query = IntrospectionQuery, extensions = new { cost = true } });
        Assert.Multiple(() =>
        {
            Assert.That(reply.Json["errors"], Is.Null, reply.Text);
            Assert.That(reply.Json["data"]!["__schema"]!["types"]!.AsArray(), Has.Count.GreaterThan(50));
            Assert.That(reply.Json["extensions"]!["cost"]!.GetValue<long>(), Is.Zero, "introspection is free");
        });
    }

    [Test]
    public async Task Introspection_that_loops_through_types_is_refused_with_its_nesting()
    {
        var reply = await _api.PostAsync(new
        {
            query = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
        });
        AssertLimit(reply, "maxIntrospectionDepth", 2, 3);
    }

    [Test]
    public async Task A_request_running_longer_than_the_timeout_is_cancelled_in_the_database()
    {
        await using var api = await RegistryApi.StartAsync(
            "limits_timeout", new Dictionary<string, string?> { ["Limits:ExecutionTimeout"] = "00:00:01" });
        await using var locker = new NpgsqlConnection(api.ConnectionString);
        await locker.OpenAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        // The query waits for this lock until the timeout cancels it.
        await new NpgsqlCommand("LOCK TABLE enterprises IN ACCESS EXCLUSIVE MODE", locker, transaction).ExecuteNonQueryAsync();

        var started = DateTime.UtcNow;
        var reply = await api.PostAsync(new { query = "{ enterprises(first: 1) { nodes { name } } }" });
        var elapsed = DateTime.UtcNow - started;

        // The cancel request reaches PostgreSQL on a connection of its own, so the answer may come first:
        // give it a few seconds (bounded) to take effect while the lock is still held.
        long waiting = -1;
        for (var attempt = 0; attempt < 50 && waiting != 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            waiting = (long)(await new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
                locker, transaction).ExecuteScalarAsync())!;
        }
        await transaction.RollbackAsync();

        Assert.Multiple(() =>
        {
            AssertNoServerFault(reply);
            Assert.That(reply.Code, Is.EqualTo("LIMIT_EXCEEDED"), reply.Text);
            Assert.That(reply.FirstError["extensions"]?["limit"]?.GetValue<string>(), Is.EqualTo("executionTimeout"));
            Assert.That(reply.FirstError["extensions"]?["maximum"]?.GetValue<long>(), Is.EqualTo(1000));
            Assert.That(reply.FirstError["extensions"]?["measured"]?.GetValue<long>(), Is.GreaterThanOrEqualTo(1000));
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
            Assert.That(waiting, Is.Zero, "the statement still waits in PostgreSQL: it was not cancelled");
        });

        var after = await api.PostAsync(new { query = "{ enterprises(first: 1) { nodes { name } } }" });
        Assert.That(after.Json["errors"], Is.Null, "the API answers again once the lock is gone: " + after.Text);
    }

    [Test]
    public async Task With_introspection_off_schema_and_type_are_refused_but_typename_answers()
    {
        await using var api = await RegistryApi.StartAsync(
            "limits_nointro", new Dictionary<string, string?> { ["Limits:Introspection"] = "false" });

        var schema = await api.PostAsync(new { query = "{ __schema { queryType { name } } }" });
        var type = await api.PostAsync(new { query = "{ __type(name: \"Enterprise\") { name } }" });
        var typename = await api.PostAsync(new { query = "{ __typename enterprises(first: 1) { nodes { __typename } } }" });
        using var sdl = await api.Client.GetAsync("/graphql/schema.graphql");

        Assert.Multiple(() =>
        {
            Assert.That(schema.Code, Is.EqualTo("NO_INTROSPECTION"), schema.Text);
            Assert.That(type.Code, Is.EqualTo("NO_INTROSPECTION"), type.Text);
            Assert.That(schema.Json["data"], Is.Null);
            Assert.That(typename.Json["errors"], Is.Null, typename.Text);
            Assert.That(typename.Json["data"]!["__typename"]!.GetValue<string>(), Is.EqualTo("Query"));
            Assert.That((int)sdl.StatusCode, Is.EqualTo(404), "the SDL is not published either");
        });
        AssertNoSql(schema);
    }

    [Test]
    public async Task With_limits_off_nothing_is_refused()
    {
        await using var api = await RegistryApi.StartAsync("limits_off", new Dictionary<string, string?> { ["Limits:Enabled"] = "false" });
        var deep = await api.PostAsync(new { query = RegionChain(20) });
        var aliases = await api.PostAsync(new
        {
            query = "{ " + string.Join(" ", Enumerable.Range(0, 60).Select(i => $"a{i}: __typename")) + " }",
        });
        Assert.That(deep.Json["errors"], Is.Null, deep.Text);
        Assert.That(aliases.Json["errors"], Is.Null, aliases.Text);
    }

    /// <summary>The query GraphiQL sends (graphql-js' getIntrospectionQuery with descriptions).</summary>
    internal const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name
            ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
