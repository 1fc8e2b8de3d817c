namespace ProductionReform.Api.Tests.Features;

/// <summary>The article's 2021 figures as indicator values, each citing the sentence that states it as written there.</summary>
public sealed class IndicatorTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("indicators");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    // value, the figure as the article writes it, the unit when the figure is an amount of money
    [TestCase(6558, "6558人次", null)]
    [TestCase(228, "228堂", null)]
    [TestCase(10000, "10000人次", null)]
    [TestCase(108, "108家", null)]
    [TestCase(92, "92场", null)]
    [TestCase(20000, "2万人次", null)]
    [TestCase(58, "58户", null)]
    [TestCase(152, "152人", null)]
    [TestCase(3556, "3556万元", "万元")]
    [TestCase(15000, "15000家", null)]
    [TestCase(188, "188家", null)]
    [TestCase(436, "436万元", "万元")]
    [TestCase(523800, "52.38万", null)]
    [TestCase(15, "15期", null)]
    [TestCase(1102, "1102名", null)]
    [TestCase(10, "10个", null)]
    [TestCase(14, "14个", null)]
    [TestCase(8, "8个", null)]
    [TestCase(166, "166家", null)]
    [TestCase(24, "24家", null)]
    [TestCase(40, "40家", null)]
    [TestCase(2400000, "240万", null)]
    public async Task The_article_figure_is_an_indicator_value_citing_it_as_written(decimal value, string asWritten, string? unit)
    {
        var data = await _api.QueryAsync("""
            query($value: Decimal!) {
              indicatorValues(where: { value: { eq: $value } }, first: 100) {
                nodes { value indicator { code unit } region { name } sources { nodes { quote source { kind } } } }
              }
            }
            """, new { value });

        var values = data["indicatorValues"]!["nodes"]!.AsArray();
        Assert.That(values, Is.Not.Empty, $"no indicator value {value}");
        var citing = values.Where(v => v!["sources"]!["nodes"]!.AsArray()
                .Any(c => c!["source"]!["kind"]!.GetValue<string>() == "ARTICLE" && c["quote"]!.GetValue<string>().Contains(asWritten)))
            .ToList();
        Assert.That(citing, Is.Not.Empty, $"no value {value} cites a quote containing “{asWritten}”: {values.ToJsonString(Readable)}");
        Assert.Multiple(() =>
        {
            Assert.That(citing.Select(v => v!["value"]!.GetValue<decimal>()), Has.All.EqualTo(value));
            if (unit is not null)
                Assert.That(citing.Select(v => v!["indicator"]!["unit"]!.GetValue<string>()), Has.Some.EqualTo(unit));
        });
    }

    [Test]
    public async Task Every_indicator_has_a_unit_and_a_value()
    {
        var data = await _api.QueryAsync("""
            { indicators(first: 100) { nodes { code unit values { totalCount } } } }
            """);

        var indicators = data["indicators"]!["nodes"]!.AsArray();
        Assert.That(indicators, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var indicator in indicators)
            {
                var code = indicator!["code"]!.GetValue<string>();
                Assert.That(indicator["unit"]!.GetValue<string>(), Is.Not.Empty, code);
                Assert.That(indicator["values"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1), code);
            }
        });
    }

    [Test]
    public async Task Yarn_dyed_weaving_is_an_industry_under_textile()
    {
        var data = await _api.QueryAsync("""
            { industries(where: { name: { eq: "色织" } }) { nodes { name parent { name code kind } } } }
            """);

        var industry = data["industries"]!["nodes"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(industry["parent"]?["name"]?.GetValue<string>(), Is.EqualTo("纺织"));
            Assert.That(industry["parent"]?["kind"]?.GetValue<string>(), Is.EqualTo("PILLAR"));
        });
    }

    [Test]
    public async Task Textile_lists_yarn_dyed_weaving_among_its_children()
    {
        var data = await _api.QueryAsync("""
            { industries(where: { name: { eq: "纺织" } }) { nodes { children { nodes { name } } } } }
            """);

        var textile = data["industries"]!["nodes"]!.AsArray().Single()!;
        Assert.That(textile["children"]!["nodes"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()), Does.Contain("色织"));
    }

    [Test]
    public async Task The_yarn_dyed_weaving_standard_covers_30_posts()
    {
        var data = await _api.QueryAsync("""
            {
              skillStandards(where: { industry: { name: { eq: "色织" } } }) {
                nodes { title postCount issuerName issuerRegion { name } sources { nodes { quote } } }
              }
            }
            """);

        var standard = data["skillStandards"]!["nodes"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(standard["postCount"]?.GetValue<int>(), Is.EqualTo(30));
            Assert.That(standard["issuerRegion"]?["name"]?.GetValue<string>(), Is.EqualTo("崇川区观音山街道"));
            Assert.That(standard["sources"]!["nodes"]!.AsArray().Select(c => c!["quote"]!.GetValue<string>()),
                Has.Some.Contains("30个岗位"));
        });
    }

    [Test]
    public async Task Decimal_values_come_back_without_trailing_zeros_of_the_column_scale()
    {
        var body = await _api.PostAsync("""{ indicatorValues(where: { value: { eq: 20000 } }) { nodes { value } } }""");

        var json = body.ToJsonString();
        Assert.That(json, Does.Contain("\"value\":20000").And.Not.Contain("20000.0"));
    }
}
