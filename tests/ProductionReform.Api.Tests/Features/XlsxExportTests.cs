using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Features;

public sealed class XlsxExportTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string TextilePilots = """{"pilot":{"program":{"industry":{"code":{"eq":"TEXTILE"}}}}}""";

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("xlsx");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Textile_pilots_export_as_a_workbook_with_the_csv_columns_typed_cells_and_a_frozen_header()
    {
        using var response = await GetAsync("enterprises.xlsx", where: TextilePilots);
        var workbook = await WorkbookAsync(response);
        var csv = await CsvAsync("enterprises.csv", where: TextilePilots);
        var rows = workbook.Rows("enterprises");
        var pane = workbook.Pane(1);

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo(XlsxType));
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("enterprises.xlsx"));
            Assert.That(workbook.SheetNames, Is.EqualTo(new[] { "enterprises", "Sources" }));
            Assert.That(workbook.Header("enterprises"), Is.EqualTo(csv.Header), "the columns of the CSV, isSample among them");
            Assert.That(rows, Has.Count.EqualTo(csv.Rows.Count).And.Count.EqualTo(40));
            Assert.That(rows.Select(r => r["id"]), Is.EqualTo(csv.Column("id")), "the rows of the CSV, in its order");
            Assert.That(rows.Select(r => r["isSample"]), Has.All.EqualTo(true), "booleans as booleans");
            Assert.That(rows.Select(r => r["employeeCount"]), Has.All.InstanceOf<double>(), "numbers as numbers");
            Assert.That(rows.Select(r => Convert.ToInt32(r["employeeCount"])), Is.EqualTo(csv.Column("employeeCount").Select(int.Parse)));
            Assert.That(rows.Select(r => r["industry"]), Has.All.EqualTo("纺织"), "relations by their label");
            Assert.That(rows.Select(r => r["creditCode"]), Has.All.Null, "empty cells stay empty");
            Assert.That(pane?.Attribute("state")?.Value, Is.EqualTo("frozen"));
            Assert.That(pane?.Attribute("ySplit")?.Value, Is.EqualTo("1"), "the header row is frozen");
            Assert.That(pane?.Attribute("topLeftCell")?.Value, Is.EqualTo("A2"));
        });
    }

    [Test]
    public async Task Dates_are_date_cells_and_the_sources_sheet_holds_every_citation_of_the_exported_records()
    {
        const string where = """{"periodStart":{"eq":"2021-01-01"}}""";
        using var response = await GetAsync("indicatorValues.xlsx", where: where, order: """[{"value":"DESC"}]""");
        var workbook = await WorkbookAsync(response);
        var csv = await CsvAsync("indicatorValues.csv", where: where, order: """[{"value":"DESC"}]""");
        var rows = workbook.Rows("indicatorValues");

        List<(string RecordId, string Citation, string Quote, string Fields, string SourceTitle, bool IsInference)> expected;
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var cited = await db.Set<IndicatorValue>().Where(v => v.PeriodStart == new DateOnly(2021, 1, 1))
                .SelectMany(v => v.Sources.Select(c => new { v.Id, c.Code, c.Quote, c.Supports, c.Source.Title, c.IsInference }))
                .ToListAsync();
            expected = [.. cited.Select(c =>
                (Id("IndicatorValue", c.Id), c.Code, c.Quote, string.Join(";", c.Supports), c.Title, c.IsInference))];
        }
        var sources = workbook.Rows("Sources");
        var actual = sources.Select(r => (RecordId: (string)r["recordId"]!, (string)r["citation"]!, (string)r["quote"]!,
            (string)r["fields"]!,
            (string)r["sourceTitle"]!, (bool)r["isInference"]!)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(csv.Rows.Count).And.Count.GreaterThan(0));
            Assert.That(rows.Select(r => r["periodStart"]), Has.All.EqualTo(new DateTime(2021, 1, 1)), "dates as dates");
            Assert.That(rows.Select(r => r["value"]), Has.All.InstanceOf<double>());
            Assert.That(rows.Select(r => r["qualifier"]), Has.All.AnyOf("EXACT", "APPROXIMATE", "AT_LEAST"), "enums by GraphQL name");
            Assert.That(workbook.Header("Sources"), Is.EqualTo(new[]
            {
                "recordId", "record", "fields", "quote", "isInference", "note", "citation", "source", "sourceTitle", "author",
                "publisher", "sourceKind", "publishedOn", "publishedYear", "url",
            }));
            Assert.That(expected, Is.Not.Empty);
            Assert.That(actual, Is.EquivalentTo(expected), "every citation of the exported records, and no other");
            var cited = actual.Select(a => a.RecordId).ToList();
            Assert.That(cited.Distinct(), Is.EqualTo(csv.Column("id").Where(cited.Contains)),
                "grouped by record in the export's order");
            Assert.That(sources.Select(r => r["publishedYear"]), Has.All.InstanceOf<double>());
            Assert.That(sources.Select(r => r["sourceKind"]), Has.All.AnyOf("ARTICLE", "POLICY", "DATASET", "REFERENCE"));
        });
    }

    [Test]
    public async Task Formula_like_text_is_defused_as_in_the_csv()
    {
        const string formula = "=HYPERLINK(\"http://example.invalid\",\"x\")";
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var firm = await db.Set<Enterprise>().SingleAsync(e => e.Name == "天楹集团");
            firm.DescriptionEn = formula;
            await db.SaveChangesAsync();
        }
        const string where = """{"name":{"eq":"天楹集团"}}""";
        using var response = await GetAsync("enterprises.xlsx", where: where);
        var workbook = await WorkbookAsync(response);
        var csv = await CsvAsync("enterprises.csv", where: where);

        Assert.Multiple(() =>
        {
            Assert.That(workbook.Column("enterprises", "descriptionEn").Single(), Is.EqualTo("'" + formula));
            Assert.That(csv.Column("descriptionEn").Single(), Is.EqualTo("'" + formula));
        });
    }

    [Test]
    public async Task An_empty_export_still_has_its_header()
    {
        using var response = await GetAsync("enterprises.xlsx", where: """{"name":{"eq":"没有这家企业"}}""");
        var workbook = await WorkbookAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(workbook.Header("enterprises"), Does.Contain("isSample").And.Contain("name"));
            Assert.That(workbook.Rows("enterprises"), Is.Empty);
            Assert.That(workbook.Rows("Sources"), Is.Empty);
        });
    }

    [TestCase("where", "{oops", "INVALID_JSON")]
    [TestCase("where", """{"industry":{"nmae":{"eq":"纺织"}}}""", "INVALID_FILTER")]
    [TestCase("order", """[{"name":"UP"}]""", "INVALID_ORDER")]
    public async Task Bad_parameters_are_refused_as_for_the_csv(string parameter, string value, string code)
    {
        var url = $"?{parameter}={Uri.EscapeDataString(value)}";
        using var xlsx = await _api.Client.GetAsync("/export/enterprises.xlsx" + url);
        using var csv = await _api.Client.GetAsync("/export/enterprises.csv" + url);
        var xlsxError = JsonNode.Parse(await xlsx.Content.ReadAsStringAsync())!["errors"]![0]!;
        var csvError = JsonNode.Parse(await csv.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(xlsxError["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(xlsxError.ToJsonString(), Is.EqualTo(csvError.ToJsonString()));
        });
    }

    [Test]
    public async Task The_audit_trail_needs_admin_and_an_unknown_list_is_404()
    {
        using var audit = await _api.Client.GetAsync("/export/auditEvents.xlsx");
        using var unknown = await _api.Client.GetAsync("/export/enterprizes.xlsx");
        var error = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(audit.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("NOT_FOUND"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(".xlsx").And.Contain("Aggregate"));
        });
    }

    [Test]
    public async Task An_export_over_the_row_limit_is_refused_before_any_workbook_is_written()
    {
        await using var limited = await RegistryApi.StartAsync("xlsx_limit", new Dictionary<string, string?> { ["Export:MaxRows"] = "10" });
        using var response = await limited.Client.GetAsync("/export/enterprises.xlsx");
        var extensions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(extensions["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(extensions["limit"]!.GetValue<string>(), Is.EqualTo("maxExportRows"));
        });
    }

    private static string Id(string type, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    private Task<HttpResponseMessage> GetAsync(string file, string? where = null, string? order = null)
    {
        var query = new List<string>();
        if (where is not null) query.Add("where=" + Uri.EscapeDataString(where));
        if (order is not null) query.Add("order=" + Uri.EscapeDataString(order));
        return _api.Client.GetAsync($"/export/{file}" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
    }

    private static async Task<Workbook> WorkbookAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        return new Workbook(bytes);
    }

    private async Task<CsvTable> CsvAsync(string file, string? where = null, string? order = null)
    {
        using var response = await GetAsync(file, where, order);
        return CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
    }
}
