using System.Text;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>Relay object identification over real HTTP: every entity type's global id resolves through node/nodes.</summary>
public sealed class NodeTests
{
    private RegistryApi _api = null!;

    /// <summary>Each root list with its type and a field that identifies a record.</summary>
    private static readonly (string Root, string Type, string Field)[] Roots =
    [
        ("regions", "Region", "name"),
        ("industries", "Industry", "code"),
        ("enterprises", "Enterprise", "name"),
        ("pilotPrograms", "PilotProgram", "code"),
        ("pilotEnrollments", "PilotEnrollment", "status"),
        ("policyDocuments", "PolicyDocument", "title"),
        ("reformMeasures", "ReformMeasure", "code"),
        ("skillStandards", "SkillStandard", "title"),
        ("occupations", "Occupation", "name"),
        ("innovationStudios", "InnovationStudio", "name"),
        ("trainingPrograms", "TrainingProgram", "name"),
        ("practiceCases", "PracticeCase", "title"),
        ("indicators", "Indicator", "code"),
        ("indicatorValues", "IndicatorValue", "value"),
        ("sources", "Source", "code"),
        ("citations", "Citation", "code"),
    ];

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("nodes");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task Node_round_trips_the_first_record_of_every_entity_type()
    {
        var roundTripped = new List<string>();
        foreach (var (root, type, field) in Roots)
        {
            var list = await _api.QueryAsync($"{{ {root}(first: 1) {{ nodes {{ id {field} }} }} }}");
            var first = list[root]!["nodes"]!.AsArray().FirstOrDefault();
            if (first is null) continue; // a type without rows has no id to resolve

            var id = first["id"]!.GetValue<string>();
            var data = await _api.QueryAsync(
                $"query($id: ID!) {{ node(id: $id) {{ __typename id ... on {type} {{ {field} }} }} }}", new { id });
            var node = data["node"]!;
            Assert.Multiple(() =>
            {
                Assert.That(node["__typename"]!.GetValue<string>(), Is.EqualTo(type), root);
                Assert.That(node["id"]!.GetValue<string>(), Is.EqualTo(id), root);
                Assert.That(node[field]?.ToJsonString(), Is.EqualTo(first[field]?.ToJsonString()), $"{root}.{field}");
            });
            roundTripped.Add(type);
        }
        Assert.That(roundTripped, Has.Count.GreaterThanOrEqualTo(12), string.Join(", ", roundTripped));
    }

    [Test]
    public async Task Every_entity_type_is_a_possible_type_of_Node()
    {
        var data = await _api.QueryAsync("""{ __type(name: "Node") { possibleTypes { name } } }""");
        var possible = data["__type"]!["possibleTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>());
        Assert.That(possible, Is.SupersetOf(Roots.Select(r => r.Type)));
    }

    [Test]
    public async Task Node_reads_relations_and_nested_lists_of_the_record()
    {
        var list = await _api.QueryAsync("""
            {
              regions(first: 100, where: { enterprises: { any: true } }) {
                nodes { id name parent { name } enterprises(first: 3, order: [{ name: ASC }]) { totalCount nodes { name } } }
              }
            }
            """);
        var region = list["regions"]!["nodes"]![0]!;
        var data = await _api.QueryAsync("""
            query($id: ID!) {
              node(id: $id) {
                ... on Region { id name parent { name } enterprises(first: 3, order: [{ name: ASC }]) { totalCount nodes { name } } }
              }
            }
            """, new { id = region["id"]!.GetValue<string>() });
        Assert.That(data["node"]!.ToJsonString(), Is.EqualTo(region.ToJsonString()));
    }

    [Test]
    public async Task Nodes_keeps_the_order_of_the_ids_and_gives_null_for_an_unknown_id()
    {
        var data = await _api.QueryAsync("""
            {
              enterprises(first: 2) { nodes { id name } }
              regions(first: 2) { nodes { id name } }
              industries(first: 1) { nodes { id code } }
            }
            """);
        var enterprises = data["enterprises"]!["nodes"]!.AsArray();
        var regions = data["regions"]!["nodes"]!.AsArray();
        var industry = data["industries"]!["nodes"]![0]!;
        // Well formed, of a real type, with a key no row has.
        var unknown = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Region:{int.MaxValue}"));
        var ids = new[]
        {
            regions[1]!["id"]!.GetValue<string>(),
            enterprises[0]!["id"]!.GetValue<string>(),
            unknown,
            industry["id"]!.GetValue<string>(),
            regions[0]!["id"]!.GetValue<string>(),
            enterprises[1]!["id"]!.GetValue<string>(),
            regions[1]!["id"]!.GetValue<string>(),
        };

        var result = await _api.QueryAsync("""
            query($ids: [ID!]!) {
              nodes(ids: $ids) { __typename id ... on Region { name } ... on Enterprise { name } ... on Industry { code } }
            }
            """, new { ids });
        var nodes = result["nodes"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(nodes, Has.Count.EqualTo(ids.Length));
            Assert.That(nodes[2], Is.Null, "an unknown id gives null");
            Assert.That(nodes.Where((_, i) => i != 2).Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(ids.Where((_, i) => i != 2)));
            Assert.That(nodes[0]!["name"]!.GetValue<string>(), Is.EqualTo(regions[1]!["name"]!.GetValue<string>()));
            Assert.That(nodes[1]!["name"]!.GetValue<string>(), Is.EqualTo(enterprises[0]!["name"]!.GetValue<string>()));
            Assert.That(nodes[3]!["code"]!.GetValue<string>(), Is.EqualTo(industry["code"]!.GetValue<string>()));
            Assert.That(nodes[4]!["__typename"]!.GetValue<string>(), Is.EqualTo("Region"));
            Assert.That(nodes[5]!["__typename"]!.GetValue<string>(), Is.EqualTo("Enterprise"));
            Assert.That(nodes[6]!["name"]!.GetValue<string>(), Is.EqualTo(regions[1]!["name"]!.GetValue<string>()),
                "a repeated id resolves each time");
        });

        var single = await _api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = unknown });
        Assert.That(single["node"], Is.Null);
    }

    [Test]
    public async Task Ids_are_opaque_and_distinct_across_types()
    {
        // Region 1 and Enterprise 1 share a key but not an id.
        var data = await _api.QueryAsync("{ regions(first: 1) { nodes { id } } enterprises(first: 1) { nodes { id } } }");
        var region = data["regions"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var enterprise = data["enterprises"]!["nodes"]![0]!["id"]!.GetValue<string>();
        Assert.That(region, Is.Not.EqualTo(enterprise));
        var nodes = await _api.QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }",
            new { ids = new[] { region, enterprise } });
        Assert.That(nodes["nodes"]!.AsArray().Select(n => n!["__typename"]!.GetValue<string>()),
            Is.EqualTo(new[] { "Region", "Enterprise" }));
    }
}
