namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// One SQL statement per list field, whatever the nesting and the page sizes (<c>extensions.sqlStatements</c>):
/// nested lists are batched for all parents, to-one relations join into their list's statement, and a selected
/// totalCount is counted inside its list's statement (a root page read past its last row counts alone).
/// </summary>
public sealed class SqlCountTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("sqlcount");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    // List fields: regions, enterprises, studios, sources, pilotPrograms, enrollments (6); root and nested totalCount
    // ride in their list's statement. To-one relations (source, enterprise, region, hostEnterprise) join.
    private const string Dashboard = """
        query($n: Int) {
          regions(first: $n) {
            totalCount
            nodes {
              name parent { name }
              enterprises(first: $n, order: [{ name: ASC }]) {
                totalCount
                nodes {
                  name industry { name }
                  studios(first: $n) { nodes { name hostEnterprise { name } } }
                  sources(first: $n) { nodes { quote source { title } } }
                }
              }
            }
          }
          pilotPrograms(first: $n) {
            nodes {
              name
              enrollments(first: $n) { nodes { status enterprise { name region { name } } } }
            }
          }
        }
        """;

    private const int DashboardListFields = 6;

    [Test]
    public async Task A_nested_dashboard_runs_one_statement_per_list_field_whatever_the_page_size()
    {
        var small = await _api.PostAsync(Dashboard, new { n = 5 });
        var large = await _api.PostAsync(Dashboard, new { n = 50 });
        Assert.That(small["errors"], Is.Null, small.ToJsonString());
        Assert.That(large["errors"], Is.Null, large.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(Statements(small), Is.EqualTo(DashboardListFields));
            Assert.That(Statements(large), Is.EqualTo(DashboardListFields));
            // The larger pages really read more rows, so the count held while the work grew.
            Assert.That(Rows(large), Is.GreaterThan(Rows(small)));
            Assert.That(EnrollmentCount(large), Is.GreaterThan(EnrollmentCount(small)));
        });
    }

    // Lists that read rows: regions and their enterprises (2). Aggregate fields, one statement each for all parents: the
    // enterprises' summary (count and avg share it) and groups, the studios' summary, the root enterprises' summary (4).
    // The studios and the root enterprises select nothing but aggregate, so they read no page.
    private const string AggregateDashboard = """
        query($n: Int) {
          regions(first: $n) {
            nodes {
              name
              enterprises(first: $n, where: { isSample: { eq: true } }) {
                aggregate { count avg { employeeCount } groups(by: [INDUSTRY]) { key { industry { name } } count } }
                nodes { name studios(first: $n) { aggregate { count } } }
              }
            }
          }
          enterprises(first: $n) { aggregate { count } }
        }
        """;

    [Test]
    public async Task Aggregates_of_nested_connections_cost_one_statement_per_aggregate_field_whatever_the_page_size()
    {
        var small = await _api.PostAsync(AggregateDashboard, new { n = 5 });
        var large = await _api.PostAsync(AggregateDashboard, new { n = 50 });
        Assert.That(small["errors"], Is.Null, small.ToJsonString());
        Assert.That(large["errors"], Is.Null, large.ToJsonString());

        int Parents(JsonObject body) => body["data"]!["regions"]!["nodes"]!.AsArray().Count;
        int Groups(JsonObject body) => body["data"]!["regions"]!["nodes"]!.AsArray()
            .Sum(r => r!["enterprises"]!["aggregate"]!["groups"]!.AsArray().Count);
        Assert.Multiple(() =>
        {
            Assert.That(Statements(small), Is.EqualTo(2 + 4));
            Assert.That(Statements(large), Is.EqualTo(2 + 4));
            Assert.That(Parents(large), Is.GreaterThan(Parents(small)), "more parents aggregated in the same statements");
            Assert.That(Groups(large), Is.GreaterThan(Groups(small)));
        });
    }

    [Test]
    public async Task Sources_and_studios_of_many_enterprises_are_read_in_one_statement_each()
    {
        // Every enterprise (all parents of one nested list) at once: still one statement per list field.
        var count = await _api.SqlStatementsAsync("""
            { enterprises(first: 100) { nodes { name studios { nodes { name } } sources { nodes { quote } } cases { nodes { title } } } } }
            """);
        Assert.That(count, Is.EqualTo(4));
    }

    [Test]
    public async Task A_totalCount_is_counted_in_its_page_statement()
    {
        var withTotal = await _api.SqlStatementsAsync("{ enterprises(first: 5) { totalCount nodes { name } } }");
        var without = await _api.SqlStatementsAsync("{ enterprises(first: 5) { nodes { name } } }");
        var totalOnly = await _api.SqlStatementsAsync("{ enterprises { totalCount } }");
        var nestedTotal = await _api.SqlStatementsAsync("{ regions(first: 5) { nodes { enterprises { totalCount } } } }");
        Assert.Multiple(() =>
        {
            Assert.That(without, Is.EqualTo(1));
            Assert.That(withTotal, Is.EqualTo(1));
            Assert.That(totalOnly, Is.EqualTo(1));
            Assert.That(nestedTotal, Is.EqualTo(2), "a nested totalCount is computed in its list's statement");
        });
    }

    [Test]
    public async Task A_counted_page_past_the_last_row_still_counts_every_row()
    {
        var all = (await _api.PostAsync("{ enterprises { totalCount } }"))["data"]!["enterprises"]!["totalCount"]!.GetValue<int>();
        var past = await _api.PostAsync($"{{ enterprisesPage(skip: {all}, take: 5) {{ totalCount items {{ name }} }} }}");
        var none = await _api.PostAsync("""{ enterprises(where: { name: { eq: "无此企业" } }) { totalCount nodes { name } } }""");
        Assert.Multiple(() =>
        {
            Assert.That(all, Is.GreaterThan(0));
            Assert.That(past["data"]!["enterprisesPage"]!["items"]!.AsArray(), Is.Empty);
            Assert.That(past["data"]!["enterprisesPage"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(all));
            Assert.That(Statements(past), Is.EqualTo(2), "an empty page past an offset counts alone");
            Assert.That(none["data"]!["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(Statements(none), Is.EqualTo(1), "an empty first page is a count of 0");
        });
    }

    [Test]
    public async Task Segments_cost_one_statement_with_or_without_totalCount()
    {
        Assert.That(await _api.SqlStatementsAsync("{ enterprisesPage(skip: 10, take: 5) { items { name region { name } } } }"),
            Is.EqualTo(1));
        Assert.That(await _api.SqlStatementsAsync("{ enterprisesPage(skip: 10, take: 5) { totalCount items { name } } }"), Is.EqualTo(1));
    }

    [Test]
    public async Task Node_and_nodes_run_one_statement_per_type()
    {
        var ids = await _api.QueryAsync("""
            { regions(first: 2) { nodes { id } } enterprises(first: 3) { nodes { id } } innovationStudios(first: 2) { nodes { id } } }
            """);
        var regionIds = IdsOf(ids["regions"]!);
        var enterpriseIds = IdsOf(ids["enterprises"]!);
        var studioIds = IdsOf(ids["innovationStudios"]!);
        // Interleaved, so grouping by type (not by position) is what keeps the count at 3.
        var mixed = new[] { regionIds[0], enterpriseIds[0], studioIds[0], regionIds[1], enterpriseIds[1], studioIds[1], enterpriseIds[2] };

        var nodes = await _api.PostAsync("""
            query($ids: [ID!]!) {
              nodes(ids: $ids) { id ... on Region { name } ... on Enterprise { name region { name } } ... on InnovationStudio { name } }
            }
            """, new { ids = mixed });
        Assert.That(nodes["errors"], Is.Null, nodes.ToJsonString());
        Assert.That(Statements(nodes), Is.EqualTo(3));
        Assert.That(nodes["data"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(mixed));

        var three = await _api.PostAsync("""
            query($a: ID!, $b: ID!, $c: ID!) {
              a: node(id: $a) { id } b: node(id: $b) { id } c: node(id: $c) { id }
            }
            """, new { a = regionIds[0], b = enterpriseIds[0], c = studioIds[0] });
        Assert.That(three["errors"], Is.Null, three.ToJsonString());
        Assert.That(Statements(three), Is.EqualTo(3));

        var one = await _api.PostAsync("query($id: ID!) { node(id: $id) { id ... on Enterprise { name industry { name } } } }",
            new { id = enterpriseIds[0] });
        Assert.That(Statements(one), Is.EqualTo(1));
    }

    private static int Statements(JsonObject body) => body["extensions"]!["sqlStatements"]!.GetValue<int>();

    private static List<string> IdsOf(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

    private static int Rows(JsonObject body) =>
        body["data"]!["regions"]!["nodes"]!.AsArray().Sum(r => 1 + r!["enterprises"]!["nodes"]!.AsArray().Count);

    private static int EnrollmentCount(JsonObject body) =>
        body["data"]!["pilotPrograms"]!["nodes"]!.AsArray().Sum(p => p!["enrollments"]!["nodes"]!.AsArray().Count);
}
