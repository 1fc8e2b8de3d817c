using System.Text;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// The data-quality report on the seed: no real record without a citation, the registry's inferences and the
/// qualified figures listed, samples counted apart, the same report as CSV; and aggregates split by isSample.
/// </summary>
public sealed class DataQualityTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("dataquality");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private async Task<JsonNode> ReportAsync() => (await _api.QueryAsync("""
        {
          dataQuality {
            lists { entityType total samples real uncited }
            issues { kind entityType recordId label detail isSample }
          }
        }
        """))["dataQuality"]!;

    private static IEnumerable<JsonNode> Issues(JsonNode report, string kind) =>
        report["issues"]!.AsArray().Select(i => i!).Where(i => i["kind"]!.GetValue<string>() == kind);

    [Test]
    public async Task No_real_record_is_uncited()
    {
        var report = await ReportAsync();
        var lists = report["lists"]!.AsArray().Select(l => l!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Issues(report, "UNCITED").Where(i => !i["isSample"]!.GetValue<bool>()).Select(i => i["label"]!.GetValue<string>()), Is.Empty);
            Assert.That(lists.Sum(l => l["uncited"]!.GetValue<int>()), Is.Zero);
            Assert.That(lists.Select(l => l["entityType"]!.GetValue<string>()), Does.Contain("Enterprise").And.Contain("IndicatorValue"));
        });
    }

    [Test]
    public async Task Samples_are_counted_apart_from_real_records()
    {
        var report = await ReportAsync();
        var enterprises = report["lists"]!.AsArray().Single(l => l!["entityType"]!.GetValue<string>() == "Enterprise")!;
        var uncitedSamples = Issues(report, "UNCITED").Count(i => i["isSample"]!.GetValue<bool>());
        Assert.Multiple(() =>
        {
            Assert.That(enterprises["samples"]!.GetValue<int>(), Is.EqualTo(64));
            Assert.That(enterprises["real"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(enterprises["total"]!.GetValue<int>(), Is.EqualTo(68));
            Assert.That(uncitedSamples, Is.EqualTo(64));
        });
    }

    [Test]
    public async Task Inferences_and_qualified_figures_are_listed()
    {
        var report = await ReportAsync();
        var inferences = Issues(report, "INFERENCE").Select(i => i["label"]!.GetValue<string>()).ToList();
        var qualified = Issues(report, "QUALIFIED_VALUE").Select(i => i["label"]!.GetValue<string>()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(inferences, Is.EquivalentTo(new[] { "ntftu-2021-since-2016", "ntftu-2021-pilot-level-inference", "ntftu-2021-documents-pilot-inference" }));
            Assert.That(qualified.Select(l => l.Split(' ')[0]), Is.EquivalentTo(new[]
            {
                "UNION_MEMBERS", "PILLAR_INDUSTRY_WORKERS", "SANITATION_TRUCK_DRIVERS", "SANITATION_STATION_WORKERS_SERVED",
            }));
            Assert.That(Issues(report, "VALUE_WITHOUT_PERIOD").Select(i => i["label"]!.GetValue<string>()), Has.Some.StartsWith("UNION_MEMBERS"));
        });
    }

    [Test]
    public async Task A_finding_points_at_its_record()
    {
        var report = await ReportAsync();
        var inference = Issues(report, "INFERENCE").First(i => i["label"]!.GetValue<string>() == "ntftu-2021-since-2016");
        var data = await _api.QueryAsync("""
            query($id: ID!) { node(id: $id) { ... on Citation { code isInference note supports } } }
            """, new { id = inference["recordId"]!.GetValue<string>() });
        Assert.Multiple(() =>
        {
            Assert.That(data["node"]!["code"]!.GetValue<string>(), Is.EqualTo("ntftu-2021-since-2016"));
            Assert.That(data["node"]!["isInference"]!.GetValue<bool>(), Is.True);
            Assert.That(data["node"]!["supports"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "periodStart" }));
        });
    }

    [Test]
    public async Task The_report_is_also_a_csv_export()
    {
        using var response = await _api.Client.GetAsync("/export/data-quality.csv");
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(lines[0].TrimEnd('\r'), Is.EqualTo("kind,entityType,recordId,label,detail,isSample"));
            Assert.That(lines, Has.Some.StartsWith("INFERENCE,Citation,"));
            Assert.That(lines, Has.Some.StartsWith("QUALIFIED_VALUE,IndicatorValue,"));
            Assert.That(lines, Has.Some.StartsWith("LIST_COUNTS,Enterprise,"));
        });
    }

    [Test]
    public async Task Aggregates_split_real_and_sample_records()
    {
        var data = await _api.QueryAsync("""
            { enterprisesAggregate { groups(by: [IS_SAMPLE]) { key { isSample } count } } }
            """);
        var groups = data["enterprisesAggregate"]!["groups"]!.AsArray()
            .ToDictionary(g => g!["key"]!["isSample"]!.GetValue<bool>(), g => g!["count"]!.GetValue<int>());
        Assert.That(groups, Is.EqualTo(new Dictionary<bool, int> { [false] = 4, [true] = 64 }));
    }

    [Test]
    public async Task Search_finds_the_intellectual_property_bank_by_both_english_names()
    {
        foreach (var text in new[] { "intellectual property bank", "knowledge-property bank" })
        {
            var data = await _api.QueryAsync("""
                query($text: String!) { search(text: $text, types: [INNOVATION_STUDIO], first: 3) { nodes { node { ... on InnovationStudio { name } } } } }
                """, new { text });
            Assert.That(data["search"]!["nodes"]!.AsArray().Select(n => n!["node"]!["name"]!.GetValue<string>()), Has.Some.EqualTo("中天科技知识产权银行"), text);
        }
    }
}
