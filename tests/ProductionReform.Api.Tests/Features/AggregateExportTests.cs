using System.Globalization;
using System.Net;
using System.Text;

namespace ProductionReform.Api.Tests.Features;

public sealed class AggregateExportTests
{
    private const string GroupsQuery = """
        query($where: EnterpriseFilterInput, $by: [EnterpriseGroupField!], $order: [AggregateGroupSortInput!], $first: Int) {
          enterprisesAggregate(where: $where) {
            groups(by: $by, order: $order, first: $first) {
              key { industry { name } region { name } isSample }
              count sum { employeeCount } avg { employeeCount } min { employeeCount } max { employeeCount }
              stddev { employeeCount } variance { employeeCount }
            }
          }
        }
        """;

    private static readonly string[] Statistics =
        ["count", "sum.employeeCount", "avg.employeeCount", "min.employeeCount", "max.employeeCount", "stddev.employeeCount",
            "variance.employeeCount"];

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("aggregate_export");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("""["INDUSTRY"]""", null, null, null)]
    [TestCase("""["IS_SAMPLE","INDUSTRY"]""", null, null, null)]
    [TestCase("""["REGION"]""", """{"isSample":{"eq":true}}""", """[{"key":"ASC"}]""", "3")]
    public async Task The_csv_holds_the_groups_graphql_answers(string by, string? where, string? order, string? first)
    {
        var groups = await GroupsAsync(by, where, order, first);
        using var response = await GetAsync("enterprisesAggregate.csv", by, where, order, first);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        var csv = CsvTable.Parse(bytes);
        var keys = Keys(by);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("enterprisesAggregate.csv"));
            Assert.That(csv.Header, Is.EqualTo(keys.Concat(Statistics)));
            Assert.That(csv.Rows, Has.Count.EqualTo(groups.Count).And.Count.GreaterThan(0));
            foreach (var (row, group) in csv.Rows.Zip(groups))
            {
                var expected = keys.Select(k => Key(group, k)).Concat(Statistics.Select(s => Text(Statistic(group, s))));
                Assert.That(row, Is.EqualTo(expected));
            }
        });
    }

    [Test]
    public async Task The_workbook_holds_the_same_groups_with_numbers_as_numbers()
    {
        const string by = """["INDUSTRY","IS_SAMPLE"]""";
        var groups = await GroupsAsync(by, null, null, null);
        using var response = await GetAsync("enterprisesAggregate.xlsx", by, null, null, null);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        var workbook = new Workbook(bytes);
        var rows = workbook.Rows("enterprisesAggregate");

        Assert.Multiple(() =>
        {
            Assert.That(workbook.SheetNames, Is.EqualTo(new[] { "enterprisesAggregate" }));
            Assert.That(workbook.Header("enterprisesAggregate"), Is.EqualTo(new[] { "industry", "isSample" }.Concat(Statistics)));
            Assert.That(rows.Select(r => r["industry"] as string ?? ""), Is.EqualTo(groups.Select(g => Key(g, "industry"))));
            Assert.That(rows.Select(r => r["isSample"]), Is.EqualTo(groups.Select(g => g!["key"]!["isSample"]!.GetValue<bool>())));
            Assert.That(rows.Select(r => r["count"]), Is.EqualTo(groups.Select(g => (double)g!["count"]!.GetValue<int>())));
            Assert.That(rows.Select(r => r["avg.employeeCount"]),
                Is.EqualTo(groups.Select(g => g!["avg"]!["employeeCount"]?.GetValue<double>())).Within(1e-9));
            Assert.That(workbook.Pane(1)?.Attribute("ySplit")?.Value, Is.EqualTo("1"));
        });
    }

    [TestCase(null, null, "INVALID_ARGUMENT", "'by'")]
    [TestCase("""["COLOUR"]""", null, "INVALID_ORDER", "by[0]")]
    [TestCase("""["INDUSTRY"]""", """{"industry":{"nmae":{"eq":"纺织"}}}""", "INVALID_FILTER", "where.industry.nmae")]
    [TestCase("""["INDUSTRY""", null, "INVALID_JSON", "'by'")]
    [TestCase("[]", null, "INVALID_ARGUMENT", "'by'")]
    public async Task Bad_parameters_are_refused_naming_them(string? by, string? where, string code, string named)
    {
        foreach (var file in new[] { "enterprisesAggregate.csv", "enterprisesAggregate.xlsx" })
        {
            using var response = await GetAsync(file, by, where, null, null);
            var text = await response.Content.ReadAsStringAsync();
            var error = JsonNode.Parse(text)!["errors"]![0]!;
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
                Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code), text);
                Assert.That(error["message"]!.GetValue<string>(), Does.Contain(named));
            });
        }
    }

    [Test]
    public async Task A_time_bucket_is_a_date_column_and_its_filled_years_are_rows()
    {
        const string Bucket = """{"field":"PERIOD_START","unit":"YEAR","fill":true}""";
        var data = await _api.QueryAsync("""
            { indicatorValuesAggregate { groups(bucket: { field: PERIOD_START, unit: YEAR, fill: true }) {
                key { bucket { start } } count } } }
            """);
        var groups = data["indicatorValuesAggregate"]!["groups"]!.AsArray();
        using var response = await _api.Client.GetAsync($"/export/indicatorValuesAggregate.csv?bucket={Uri.EscapeDataString(Bucket)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        var csv = CsvTable.Parse(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(csv.Header.Take(2), Is.EqualTo(new[] { "bucket", "count" }));
            Assert.That(csv.Rows.Select(r => (r[0], r[1])), Is.EqualTo(groups.Select(g =>
                (g!["key"]!["bucket"]?["start"]?.GetValue<string>() ?? "", g["count"]!.GetValue<int>().ToString()))));
            Assert.That(csv.Rows.Select(r => r[1]), Has.Some.EqualTo("0"), "the filled years");
        });
    }

    [Test]
    public async Task More_groups_than_the_page_maximum_is_refused_as_in_graphql()
    {
        using var response = await GetAsync("enterprisesAggregate.csv", """["REGION"]""", null, null, "1000");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        var graphQL = await _api.ErrorAsync("{ enterprisesAggregate { groups(by: [REGION], first: 1000) { count } } }");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(graphQL["extensions"]!["code"]!.GetValue<string>()));
        });
    }

    private async Task<List<JsonNode?>> GroupsAsync(string by, string? where, string? order, string? first)
    {
        var data = await _api.QueryAsync(GroupsQuery, new
        {
            by = JsonNode.Parse(by),
            where = where is null ? null : JsonNode.Parse(where),
            order = order is null ? null : JsonNode.Parse(order),
            first = first is null ? (int?)null : int.Parse(first, CultureInfo.InvariantCulture),
        });
        return [.. data["enterprisesAggregate"]!["groups"]!.AsArray()];
    }

    /// <summary>The key fields of <c>by</c> in the order given: <c>IS_SAMPLE</c> is <c>isSample</c>.</summary>
    private static List<string> Keys(string by) => [.. JsonNode.Parse(by)!.AsArray().Select(n => n!.GetValue<string>() switch
    {
        "IS_SAMPLE" => "isSample",
        var name => name.ToLowerInvariant(),
    })];

    private static string Key(JsonNode? group, string key) => group!["key"]![key] switch
    {
        null => "",
        JsonObject related => related["name"]!.GetValue<string>(),
        var value => value.ToJsonString(),
    };

    private static JsonNode? Statistic(JsonNode? group, string path) =>
        path.Split('.').Aggregate(group, (node, step) => node?[step]);

    private static string Text(JsonNode? value) => value is null ? "" : value.ToJsonString();

    private Task<HttpResponseMessage> GetAsync(string file, string? by, string? where, string? order, string? first)
    {
        var query = new List<string>();
        foreach (var (name, value) in new[] { ("by", by), ("where", where), ("order", order), ("first", first) })
            if (value is not null) query.Add($"{name}={Uri.EscapeDataString(value)}");
        return _api.Client.GetAsync($"/export/{file}" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
    }
}
