namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// Innovation studios 创新载体: 中天科技's knowledge-property bank and what it spawned, 华信中央空调's cluster.
/// </summary>
public sealed class StudioTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("studios");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task The_knowledge_property_bank_is_hosted_by_Zhongtian_and_inspired_three_banks()
    {
        var data = await _api.QueryAsync("""
            {
              innovationStudios(where: { kind: { eq: KNOWLEDGE_PROPERTY_BANK } }) {
                nodes {
                  id name
                  hostEnterprise { name }
                  inspired(first: 100) { totalCount nodes { name kind inspiredBy { id name } } }
                }
              }
            }
            """);

        var bank = data["innovationStudios"]!["nodes"]!.AsArray().Single()!;
        var inspired = bank["inspired"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(bank["hostEnterprise"]?["name"]?.GetValue<string>(), Is.EqualTo("中天科技"));
            Assert.That(inspired.Select(s => s!["kind"]!.GetValue<string>()),
                Is.EquivalentTo(new[] { "CROWD_INNOVATION_BANK", "MICRO_INNOVATION_BANK", "CULTURE_POINTS_BANK" }));
            Assert.That(bank["inspired"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(inspired.Select(s => s!["inspiredBy"]?["id"]?.GetValue<string>()), Has.All.EqualTo(bank["id"]!.GetValue<string>()));
            Assert.That(inspired.Select(s => s!["inspiredBy"]?["name"]?.GetValue<string>()),
                Has.All.EqualTo(bank["name"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task The_spawned_banks_point_back_at_the_knowledge_property_bank()
    {
        var data = await _api.QueryAsync("""
            {
              innovationStudios(where: { kind: { in: [CROWD_INNOVATION_BANK, MICRO_INNOVATION_BANK, CULTURE_POINTS_BANK] } }) {
                nodes { kind inspiredBy { kind hostEnterprise { name } } }
              }
            }
            """);

        var banks = data["innovationStudios"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(banks, Has.Count.EqualTo(3));
            Assert.That(banks.Select(b => b!["inspiredBy"]?["kind"]?.GetValue<string>()), Has.All.EqualTo("KNOWLEDGE_PROPERTY_BANK"));
            Assert.That(banks.Select(b => b!["inspiredBy"]?["hostEnterprise"]?["name"]?.GetValue<string>()),
                Has.All.EqualTo("中天科技"));
        });
    }

    [Test]
    public async Task Huaxin_hosts_a_studio_cluster_that_produced_the_production_post_work_instructions()
    {
        var data = await _api.QueryAsync("""
            {
              enterprises(where: { name: { eq: "华信中央空调" } }) {
                nodes {
                  studios(where: { kind: { eq: STUDIO_CLUSTER } }) {
                    nodes { name kind outputs(first: 100) { nodes { title issuerName producedByStudio { kind } } } }
                  }
                }
              }
            }
            """);

        var firm = data["enterprises"]!["nodes"]!.AsArray().Single()!;
        var cluster = firm["studios"]!["nodes"]!.AsArray().Single()!;
        var outputs = cluster["outputs"]!["nodes"]!.AsArray();
        var guide = outputs.SingleOrDefault(o => o!["title"]!.GetValue<string>().Contains("生产岗位作业指导书"));
        Assert.Multiple(() =>
        {
            Assert.That(cluster["kind"]!.GetValue<string>(), Is.EqualTo("STUDIO_CLUSTER"));
            Assert.That(guide, Is.Not.Null, $"outputs: {outputs.ToJsonString(Readable)}");
            Assert.That(guide?["producedByStudio"]?["kind"]?.GetValue<string>(), Is.EqualTo("STUDIO_CLUSTER"));
        });
    }

    [Test]
    public async Task Every_studio_cites_at_least_one_source()
    {
        var data = await _api.QueryAsync("""
            { innovationStudios(first: 100) { totalCount nodes { name sources { totalCount nodes { quote source { kind } } } } } }
            """);

        var studios = data["innovationStudios"]!["nodes"]!.AsArray();
        Assert.That(studios, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var studio in studios)
            {
                var name = studio!["name"]!.GetValue<string>();
                Assert.That(studio["sources"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1), name);
                Assert.That(studio["sources"]!["nodes"]!.AsArray().Select(c => c!["quote"]!.GetValue<string>()), Has.All.Not.Empty, name);
            }
        });
    }
}
