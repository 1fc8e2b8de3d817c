using System.Net;
using System.Text;
using Npgsql;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>
/// Hostile requests with the default limits: each is refused with a code or answered correctly, never with
/// a 500 or a stack trace, and the enterprises table keeps its rows.
/// </summary>
public sealed class HostileInputTests
{
    private const string Drop = "'; DROP TABLE enterprises; --";
    private RegistryApi _api = null!;
    private List<string> _names = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("hostile");
        _names = await EnterpriseNamesAsync();
        Assert.That(_names, Is.Not.Empty);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private async Task<List<string>> EnterpriseNamesAsync()
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand("SELECT name FROM enterprises", connection).ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static string Nest(string open, string inner, string close, int levels) =>
        string.Concat(Enumerable.Repeat(open, levels)) + inner + string.Concat(Enumerable.Repeat(close, levels));

    [Test]
    public async Task A_valid_query_100_levels_deep_is_refused_for_its_depth()
    {
        var reply = await _api.PostAsync(new { query = LimitsTests.RegionChain(97) });
        AssertNoServerFault(reply);
        AssertLimit(reply, "maxDepth", 15, 100);
    }

    [TestCase(100, TestName = "Hostile: 100 levels of unknown fields")]
    [TestCase(2000, TestName = "Hostile: 2000 levels of unknown fields")]
    public async Task Deep_nonsense_is_refused_without_a_fault(int levels)
    {
        var reply = await _api.PostAsync(new { query = Nest("{ a ", "b", " }", levels) });
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.Not.Null.And.Not.Empty, reply.Text);
        Assert.That(reply.Json["data"], Is.Null);
        AssertNoSql(reply);
    }

    [Test]
    public async Task Ten_thousand_aliases_are_refused_for_their_count()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename")) + " }";
        var reply = await _api.PostAsync(new { query });
        AssertNoServerFault(reply);
        AssertLimit(reply, "maxAliases", 50, 10_000);
    }

    [Test]
    public async Task Ten_thousand_aliases_of_one_name_are_refused_for_their_count()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a: __typename ", 10_000)) + "}";
        var reply = await _api.PostAsync(new { query });
        AssertNoServerFault(reply);
        AssertLimit(reply, "maxAliases", 50, 10_000);
    }

    [TestCase("{ regions { nodes { ...A } } } fragment A on Region { parent { ...B } } fragment B on Region { parent { ...A } }",
        TestName = "Hostile: two fragments spreading each other")]
    [TestCase("{ regions { nodes { ...A } } } fragment A on Region { name ...A }", TestName = "Hostile: a fragment spreading itself")]
    [TestCase("{ ...Q } fragment Q on Query { __typename ...Q }", TestName = "Hostile: a cycle at the root")]
    public async Task Fragment_cycles_are_refused(string query)
    {
        var reply = await _api.PostAsync(new { query });
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.EqualTo("NO_FRAGMENT_CYCLES"), reply.Text);
        AssertNoSql(reply);
    }

    [Test]
    public async Task A_page_of_a_billion_is_refused_for_its_cost()
    {
        var reply = await _api.PostAsync(new { query = "{ enterprises(first: 1000000000) { nodes { name } } }" });
        AssertNoServerFault(reply);
        AssertLimit(reply, "maxCost", 500_000, 1_000_000_000);
    }

    [TestCase("{ enterprises(first: 101) { nodes { name } } }", "LIMIT_EXCEEDED", TestName = "Hostile: one over the page size")]
    [TestCase("{ enterprises(first: 99999999999) { nodes { name } } }", "ARGUMENTS_OF_CORRECT_TYPE",
        TestName = "Hostile: a page beyond Int")]
    [TestCase("{ enterprises(first: -5) { nodes { name } } }", "INVALID_PAGING_ARGUMENT", TestName = "Hostile: a negative page")]
    [TestCase("{ enterprisesPage(skip: 2147483647, take: 100) { items { name } } }", null, TestName = "Hostile: the largest skip")]
    public async Task Extreme_page_arguments_are_refused_or_answered(string query, string? code)
    {
        var reply = await _api.PostAsync(new { query });
        AssertNoServerFault(reply);
        if (code is null) Assert.That(reply.Json["errors"], Is.Null, reply.Text);
        else Assert.That(reply.Code, Is.EqualTo(code), reply.Text);
    }

    [Test]
    public async Task A_one_megabyte_query_is_refused_with_413()
    {
        var query = "{ __typename " + new string(' ', 1024 * 1024) + "}";
        var reply = await _api.PostAsync(new { query });
        AssertNoServerFault(reply);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(reply.Code, Is.EqualTo("REQUEST_TOO_LARGE"));
    }

    [TestCase(13, "LIMIT_EXCEEDED", TestName = "Hostile: where nested 13 deep")]
    [TestCase(500, null, TestName = "Hostile: where nested 500 deep")]
    [TestCase(5000, null, TestName = "Hostile: where nested 5000 deep")]
    public async Task A_deeply_nested_where_is_refused(int levels, string? code)
    {
        var where = Nest("{ and: [", "{ name: { eq: \"x\" } }", "] }", levels);
        var reply = await _api.PostAsync(new { query = $"{{ enterprises(where: {where}) {{ totalCount }} }}" });
        AssertNoServerFault(reply);
        Assert.That(reply.Code, code is null ? Is.Not.Null : Is.EqualTo(code), reply.Text);
        AssertNoSql(reply);
    }

    [Test]
    public async Task A_deeply_nested_where_in_variables_is_refused()
    {
        var where = Nest("""{"and":[""", """{"name":{"eq":"x"}}""", "]}", 40);
        var reply = await _api.PostTextAsync(
            """{"query":"query($w: EnterpriseFilterInput) { enterprises(where: $w) """
            + """{ totalCount } }","variables":{"w":""" + where + "}}");
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.Not.Null, reply.Text);
        AssertNoSql(reply);
    }

    [Test]
    public async Task JSON_nested_beyond_the_parser_s_depth_is_invalid_json()
    {
        var reply = await _api.PostTextAsync("""{"query":"{ __typename }","variables":{"v":""" + Nest("[", "1", "]", 10_000) + "}}");
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.EqualTo("INVALID_JSON"), reply.Text);
    }

    [Test]
    public async Task A_thousand_anonymous_operations_are_refused()
    {
        var reply = await _api.PostAsync(new { query = string.Concat(Enumerable.Repeat("{ __typename } ", 1000)) });
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.Not.Null, reply.Text);
    }

    [Test]
    public async Task A_long_search_text_is_refused()
    {
        var reply = await _api.PostAsync(new
        {
            query = "query($t: String!) { search(text: $t) { totalCount } }",
            variables = new { t = new string('%', 100_000) },
        });
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.Not.Null, reply.Text);
        AssertNoSql(reply);
    }

    private static readonly string[] HostileValues =
        [Drop, "%", "_", "\\", "%_%", "_%", "\\%", "' OR '1'='1", "\"; --", "a%b_c", "示例%"];

    private static readonly (string Operator, Func<string, string, bool> Matches)[] StringOperators =
    [
        ("eq", (name, v) => name == v),
        ("neq", (name, v) => name != v),
        ("contains", (name, v) => name.Contains(v, StringComparison.OrdinalIgnoreCase)),
        ("ncontains", (name, v) => !name.Contains(v, StringComparison.OrdinalIgnoreCase)),
        ("startsWith", (name, v) => name.StartsWith(v, StringComparison.OrdinalIgnoreCase)),
        ("nstartsWith", (name, v) => !name.StartsWith(v, StringComparison.OrdinalIgnoreCase)),
        ("endsWith", (name, v) => name.EndsWith(v, StringComparison.OrdinalIgnoreCase)),
        ("nendsWith", (name, v) => !name.EndsWith(v, StringComparison.OrdinalIgnoreCase)),
        ("in", (name, v) => name == v),
        ("nin", (name, v) => name != v),
    ];

    [Test]
    public async Task SQL_meta_characters_and_wildcards_match_literally_in_every_string_operator()
    {
        foreach (var value in HostileValues)
        {
            foreach (var (op, matches) in StringOperators)
            {
                var expected = _names.Count(name => matches(name, value));
                var argument = op is "in" or "nin" ? "[$v]" : "$v";
                var viaVariable = await _api.PostAsync(new
                {
                    query = $"query($v: String!) {{ enterprises(where: {{ name: {{ {op}: {argument} }} }}) {{ totalCount }} }}",
                    variables = new { v = value },
                });
                var literal = System.Text.Json.JsonSerializer.Serialize(value); // a valid GraphQL string literal too
                var inline = await _api.PostAsync(new
                {
                    query = $"{{ enterprises(where: {{ name: {{ {op}: {(op is "in" or "nin" ? $"[{literal}]" : literal)} }} }}) "
                        + "{ totalCount } }",
                });
                foreach (var reply in new[] { viaVariable, inline })
                {
                    AssertNoServerFault(reply);
                    Assert.That(reply.Json["errors"], Is.Null, $"{op} {value}: {reply.Text}");
                    Assert.That(reply.Json["data"]!["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(expected),
                        $"{op} '{value}'");
                }
            }
        }

        Assert.That(await EnterpriseNamesAsync(), Is.EquivalentTo(_names), "the enterprises table changed");
    }

    [Test]
    public async Task SQL_meta_characters_in_search_order_ids_and_cursors_are_refused_or_answered()
    {
        var replies = new[]
        {
            await _api.PostAsync(new { query = "query($t: String!) { search(text: $t) { totalCount } }", variables = new { t = Drop } }),
            await _api.PostAsync(new { query = "query($t: String!) { search(text: $t) { totalCount } }", variables = new { t = "%_%" } }),
            await _api.PostAsync(new { query = "query($id: ID!) { node(id: $id) { id } }", variables = new { id = Drop } }),
            await _api.PostAsync(new
            {
                query = "query($c: String) { enterprises(after: $c) { totalCount } }",
                variables = new { c = Drop },
            }),
            await _api.PostAsync(new { query = "{ enterprises(order: [{ name: ASC }]) { nodes { name } } }" }),
            await _api.GetAsync("/export/enterprises.csv?where="
                + Uri.EscapeDataString("""{"name":{"contains":""" + System.Text.Json.JsonSerializer.Serialize(Drop) + "}}")),
        };
        foreach (var reply in replies)
        {
            AssertNoServerFault(reply);
        }
        Assert.That(await EnterpriseNamesAsync(), Is.EquivalentTo(_names), "the enterprises table changed");
    }
}
