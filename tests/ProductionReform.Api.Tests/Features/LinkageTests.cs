namespace ProductionReform.Api.Tests.Features;

public sealed class LinkageTests
{
    private RegistryApi _api = null!;
    private string _zhongtian = null!;
    private string _crowdBank = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("linkages");
        var data = await _api.QueryAsync("""
            { enterprises(where: { name: { eq: "中天科技" } }) { nodes { id } }
              innovationStudios(where: { kind: { eq: CROWD_INNOVATION_BANK } }) { nodes { id } } }
            """);
        _zhongtian = data["enterprises"]!["nodes"]![0]!["id"]!.GetValue<string>();
        _crowdBank = data["innovationStudios"]!["nodes"]![0]!["id"]!.GetValue<string>();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private const string GraphFields = """
        nodes { __typename id ... on InnovationStudio { name kind } ... on Enterprise { name } }
        edges { from to kind sources { quote source { kind } } }
        """;

    [Test]
    public async Task Depth_two_from_Zhongtian_reaches_the_crowd_innovation_bank_with_citations_on_every_sourced_edge()
    {
        var data = await _api.QueryAsync($$"""
            query($id: ID!) { linkages(from: $id, depth: 2, kinds: [HOSTS, INSPIRED]) { truncated {{GraphFields}} } }
            """, new { id = _zhongtian });

        var graph = data["linkages"]!;
        var ids = graph["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        var edges = graph["edges"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(ids[0], Is.EqualTo(_zhongtian), "the start record comes first");
            Assert.That(ids, Does.Contain(_crowdBank));
            Assert.That(edges.Select(e => e!["kind"]!.GetValue<string>()), Is.SupersetOf(new[] { "HOSTS", "INSPIRED" }));
            Assert.That(edges.Select(e => e!["sources"]!.AsArray().Count), Has.All.GreaterThan(0),
                "every edge here is stated by the article");
            Assert.That(graph["truncated"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Edges_point_the_way_the_relation_reads()
    {
        var data = await _api.QueryAsync("""
            query($id: ID!) { linkages(from: $id, depth: 1, kinds: [HOSTS]) { nodes { id } edges { from to kind } } }
            """, new { id = _zhongtian });

        var edge = data["linkages"]!["edges"]!.AsArray().Single()!;
        Assert.That(edge["from"]!.GetValue<string>(), Is.EqualTo(_zhongtian));
    }

    [Test]
    public async Task Every_edge_joins_two_returned_nodes()
    {
        var data = await _api.QueryAsync($$"""
            query($id: ID!) { linkages(from: $id, depth: 3) { {{GraphFields}} } }
            """, new { id = _zhongtian });

        var ids = data["linkages"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        var ends = data["linkages"]!["edges"]!.AsArray()
            .SelectMany(e => new[] { e!["from"]!.GetValue<string>(), e["to"]!.GetValue<string>() })
            .Distinct();
        Assert.That(ends, Is.SubsetOf(ids));
    }

    [Test]
    public async Task The_node_budget_truncates_the_walk()
    {
        var data = await _api.QueryAsync("""
            query($id: ID!) { linkages(from: $id, depth: 4, first: 3) { truncated nodes { id } } }
            """, new { id = _zhongtian });

        Assert.That(data["linkages"]!["nodes"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(data["linkages"]!["truncated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Paths_find_the_crowd_innovation_bank_from_Zhongtian_shortest_first()
    {
        var data = await _api.QueryAsync("""
            query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 3, kinds: [HOSTS, INSPIRED, CITES]) {
                length nodes { id } edges { from to kind sources { quote } } } }
            """, new { from = _zhongtian, to = _crowdBank });

        var paths = data["paths"]!.AsArray();
        var shortest = paths[0]!;
        Assert.Multiple(() =>
        {
            Assert.That(paths, Is.Not.Empty);
            Assert.That(paths.Select(p => p!["length"]!.GetValue<int>()), Is.Ordered.Ascending);
            Assert.That(shortest["length"]!.GetValue<int>(), Is.EqualTo(2),
                "中天科技 HOSTS the bank that INSPIRED the crowd-innovation bank");
            Assert.That(shortest["nodes"]!.AsArray().First()!["id"]!.GetValue<string>(), Is.EqualTo(_zhongtian));
            Assert.That(shortest["nodes"]!.AsArray().Last()!["id"]!.GetValue<string>(), Is.EqualTo(_crowdBank));
            Assert.That(shortest["edges"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()),
                Is.EqualTo(new[] { "HOSTS", "INSPIRED" }));
        });
    }

    [Test]
    public async Task A_walk_costs_a_bounded_number_of_statements()
    {
        var statements = await _api.SqlStatementsAsync($$"""
            query($id: ID!) { linkages(from: $id, depth: 3) { {{GraphFields}} } }
            """, new { id = _zhongtian });

        // The walk, the edges, the records of each type shown (at most the 16 entity types) and the citations.
        Assert.That(statements, Is.LessThanOrEqualTo(2 + 16 + 1));
    }

    [TestCase("depth: 9", "LIMIT_EXCEEDED")]
    [TestCase("depth: -1", "INVALID_ARGUMENT")]
    [TestCase("first: 100000", "LIMIT_EXCEEDED")]
    public async Task Out_of_bounds_arguments_are_refused(string argument, string code)
    {
        var error = await _api.ErrorAsync($$"""
            query($id: ID!) { linkages(from: $id, {{argument}}) { truncated } }
            """, new { id = _zhongtian });

        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
    }

    [Test]
    public async Task An_id_that_is_no_registry_id_is_refused()
    {
        var error = await _api.ErrorAsync("""{ linkages(from: "not-an-id") { truncated } }""");

        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ID"));
    }
}
