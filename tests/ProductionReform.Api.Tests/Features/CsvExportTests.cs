using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Tests.Features;

public sealed class CsvExportTests
{
    private const string TextilePilots = """{"pilot":{"program":{"industry":{"code":{"eq":"TEXTILE"}}}}}""";
    private static readonly string[] SampleRegions =
        ["崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市"];

    private static readonly string[] Lists =
    [
        "regions", "industries", "enterprises", "pilotPrograms", "pilotEnrollments", "policyDocuments", "reformMeasures",
        "skillStandards", "occupations", "innovationStudios", "trainingPrograms", "practiceCases", "indicators",
        "indicatorValues", "sources", "citations",
    ];

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("export");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Textile_pilots_export_as_a_utf8_csv_with_a_bom_a_header_and_forty_rows()
    {
        using var response = await GetAsync("enterprises", where: TextilePilots);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));

        var csv = CsvTable.Parse(bytes);
        var names = csv.Column("name");
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(response.Content.Headers.ContentDisposition!.ToString(), Is.EqualTo("attachment; filename=\"enterprises.csv\""));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(csv.Header, Is.EqualTo(new[]
            {
                "id", "version", "creditCode", "name", "nameEn", "industry", "region", "constructionQualification",
                "employeeCount", "isBackbone", "isSample", "description", "descriptionEn", "pilot",
            }));
            Assert.That(csv.Rows, Has.Count.EqualTo(40));
            Assert.That(names, Has.All.StartWith("示例纺织企业"));
            Assert.That(csv.Column("industry"), Has.All.EqualTo("纺织"));
            Assert.That(csv.Column("region"), Has.All.AnyOf(SampleRegions));
            Assert.That(csv.Column("isSample"), Has.All.EqualTo("true"));
            Assert.That(csv.Column("creditCode"), Has.All.Empty);
            Assert.That(csv.Column("employeeCount"), Has.All.Match("^[0-9]+$"));
            // A pilot enrollment has no name, title or code: the relation is its global id.
            Assert.That(csv.Column("pilot").Select(DecodeType), Has.All.EqualTo("PilotEnrollment"));
        });
    }

    [Test]
    public async Task The_export_has_the_rows_and_ids_of_the_graphql_list_in_the_same_order()
    {
        using var response = await GetAsync("enterprises", where: TextilePilots, order: """[{"name":"DESC"}]""");
        var csv = CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
        var data = await _api.QueryAsync("""
            query($where: EnterpriseFilterInput) {
              enterprises(where: $where, order: [{ name: DESC }], first: 100) { nodes { id name } }
            }
            """, new { where = JsonNode.Parse(TextilePilots) });
        var nodes = data["enterprises"]!["nodes"]!.AsArray();

        var names = csv.Column("name");
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(nodes.Select(n => n!["name"]!.GetValue<string>())));
            Assert.That(csv.Column("id"), Is.EqualTo(nodes.Select(n => n!["id"]!.GetValue<string>())));
            Assert.That(names, Is.EqualTo(names.OrderByDescending(n => n, StringComparer.Ordinal)));
            Assert.That(names[0], Is.EqualTo("示例纺织企业40"));
        });
    }

    [Test]
    public async Task Enums_are_exported_by_their_graphql_names_and_filtered_by_them()
    {
        using var response = await GetAsync("enterprises",
            where: """{"constructionQualification":{"eq":"SPECIAL_GRADE"}}""", order: """{"employeeCount":"ASC"}""");
        var csv = CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
        var employees = csv.Column("employeeCount").Select(int.Parse).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(csv.Rows, Has.Count.EqualTo(24));
            Assert.That(csv.Column("constructionQualification"), Has.All.EqualTo("SPECIAL_GRADE"));
            Assert.That(csv.Column("industry"), Has.All.EqualTo("建筑"));
            Assert.That(employees, Is.Ordered);
        });
    }

    [Test]
    public async Task Dates_are_iso_and_date_filters_take_iso_strings()
    {
        using var response = await GetAsync("indicatorValues", where: """{"periodStart":{"eq":"2021-01-01"}}""");
        var csv = CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Multiple(() =>
        {
            Assert.That(csv.Rows, Is.Not.Empty);
            Assert.That(csv.Column("periodStart"), Has.All.EqualTo("2021-01-01"));
            Assert.That(csv.Column("periodEnd").Where(d => d.Length > 0), Has.All.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(csv.Column("qualifier"), Has.All.AnyOf("EXACT", "APPROXIMATE", "AT_LEAST"));
            Assert.That(csv.Rows
                    .Where(r => r[csv.Header.IndexOf("isYearToDate")] == "true")
                    .Select(r => r[csv.Header.IndexOf("periodEnd")]),
                Has.All.Empty);
            Assert.That(csv.Column("indicator"), Has.None.Empty);
        });
    }

    [Test]
    public async Task Lists_of_enums_are_joined_with_semicolons()
    {
        int id;
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var standard = await db.Set<SkillStandard>().OrderBy(s => s.Id).FirstAsync();
            standard.Levels = [SkillLevel.Level3, SkillLevel.PrincipalTechnician];
            await db.SaveChangesAsync();
            id = standard.Id;
        }

        // A list of enums filters as in GraphQL: this standard is the only one with the level.
        using var all = await GetAsync("skillStandards", where: """{"levels":{"some":{"eq":"PRINCIPAL_TECHNICIAN"}}}""");
        var csv = CsvTable.Parse(await all.Content.ReadAsByteArrayAsync());
        var row = csv.Rows.Single();
        Assert.That(row[0], Is.EqualTo(Convert.ToBase64String(Encoding.UTF8.GetBytes($"SkillStandard:{id}"))));
        Assert.That(row[csv.Index("levels")], Is.EqualTo("LEVEL_3;PRINCIPAL_TECHNICIAN"));
    }

    [TestCaseSource(nameof(Lists))]
    public async Task Every_entity_list_exports(string list)
    {
        using var response = await GetAsync(list);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));

        var csv = CsvTable.Parse(bytes);
        var total = (await _api.QueryAsync($"{{ {list} {{ totalCount }} }}"))[list]!["totalCount"]!.GetValue<int>();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition!.FileName, Is.EqualTo($"{list}.csv"));
            Assert.That(csv.Header[0], Is.EqualTo("id"));
            Assert.That(csv.Rows, Has.Count.EqualTo(total));
            Assert.That(csv.Rows, Has.All.Count.EqualTo(csv.Header.Count));
        });
    }

    [Test]
    public async Task A_value_with_commas_and_quotes_is_quoted_with_doubled_quotes()
    {
        const string description = "The source names its \"3445\" training system; it does not state its industry, location, " +
                                   "pilot status or whether it is one of the 166 backbone enterprises.";
        using var response = await GetAsync("enterprises", where: """{"name":{"eq":"天楹集团"}}""");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var csv = CsvTable.Parse(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(
                "\"The source names its \"\"3445\"\" training system; it does not state its industry, location, " +
                "pilot status or whether it is one of the 166 backbone enterprises.\""));
            Assert.That(csv.Rows, Has.Count.EqualTo(1));
            Assert.That(csv.Column("descriptionEn").Single(), Is.EqualTo(description));
            Assert.That(csv.Column("isBackbone").Single(), Is.Empty);
            Assert.That(csv.Column("industry").Single(), Is.Empty);
        });
    }

    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\r\nlines", "\"two\r\nlines\"")]
    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("=1+1", "'=1+1")]
    [TestCase("+cmd", "'+cmd")]
    [TestCase("-1+1|cmd", "'-1+1|cmd")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("-12.5", "-12.5")]
    [TestCase("+3", "+3")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Fields_are_quoted_per_rfc_4180_and_formulas_are_defused(string? value, string expected) =>
        Assert.That(CsvWriter.Field(value), Is.EqualTo(expected));

    [Test]
    public async Task Json_that_does_not_parse_is_invalid_json_naming_the_parameter()
    {
        var error = await ErrorAsync(HttpStatusCode.BadRequest, "enterprises", where: "{oops");
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_JSON"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("'where'"));
        });
        var orderError = await ErrorAsync(HttpStatusCode.BadRequest, "enterprises", order: "[{\"name\":");
        Assert.That(orderError["message"]!.GetValue<string>(), Does.Contain("'order'"));
    }

    [Test]
    public async Task An_unknown_filter_field_is_invalid_filter_naming_its_path()
    {
        var error = await ErrorAsync(HttpStatusCode.BadRequest, "enterprises", where: """{"industry":{"nmae":{"eq":"纺织"}}}""");
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_FILTER"));
            Assert.That(error["message"]!.GetValue<string>(),
                Does.Contain("where.industry.nmae").And.Contain("IndustryFilterInput").And.Contain("name"));
        });
    }

    [TestCase("""{"employeeCount":{"gt":"many"}}""", "where.employeeCount.gt", "Int")]
    [TestCase("""{"constructionQualification":{"eq":"BEST_GRADE"}}""", "where.constructionQualification.eq", "SPECIAL_GRADE")]
    [TestCase("""{"or":[{"name":{"eq":"a"}},{"name":"b"}]}""", "where.or[1].name", "StringOperationFilterInput")]
    [TestCase("""[]""", "where", "EnterpriseFilterInput")]
    public async Task A_filter_value_of_the_wrong_type_is_invalid_filter_saying_what_was_expected(
        string where, string path, string expected)
    {
        var error = await ErrorAsync(HttpStatusCode.BadRequest, "enterprises", where: where);
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_FILTER"));
            Assert.That(error["message"]!.GetValue<string>(), Does.StartWith(path + ":").And.Contain(expected));
        });
    }

    [TestCase("""[{"name":"UP"}]""", "order[0].name")]
    [TestCase("""[{"colour":"ASC"}]""", "order[0].colour")]
    [TestCase("""[null]""", "order[0]")]
    public async Task A_bad_order_is_invalid_order_naming_its_path(string order, string path)
    {
        var error = await ErrorAsync(HttpStatusCode.BadRequest, "enterprises", order: order);
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ORDER"));
            Assert.That(error["message"]!.GetValue<string>(), Does.StartWith(path + ":"));
        });
    }

    [TestCase("/export/enterprizes.csv")]
    [TestCase("/export/enterprises.json")]
    [TestCase("/export/Enterprises.csv")]
    public async Task An_unknown_export_is_404_listing_the_valid_names(string url)
    {
        using var response = await _api.Client.GetAsync(url);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var error = body["errors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("NOT_FOUND"));
            Assert.That(error["extensions"]!["validNames"]!.AsArray().Select(n => n!.GetValue<string>()),
                Is.EquivalentTo(Lists.Append("auditEvents")), "the audit trail exports too, for admins");
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("enterprises").And.Contain("pilotPrograms"));
        });
    }

    [Test]
    public async Task An_export_over_the_row_limit_is_refused_with_the_limit_and_the_count()
    {
        await using var limited = await RegistryApi.StartAsync("export_limit",
            new Dictionary<string, string?> { ["Export:MaxRows"] = "10" });
        var total = (await limited.QueryAsync("{ enterprises { totalCount } }"))["enterprises"]!["totalCount"]!.GetValue<int>();

        using var response = await limited.Client.GetAsync("/export/enterprises.csv");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var extensions = body["errors"]![0]!["extensions"]!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(extensions["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(extensions["limit"]!.GetValue<string>(), Is.EqualTo("maxExportRows"));
            Assert.That(extensions["maximum"]!.GetValue<int>(), Is.EqualTo(10));
            Assert.That(extensions["measured"]!.GetValue<int>(), Is.EqualTo(total));
        });

        // Under the limit once filtered.
        using var filtered = await limited.Client.GetAsync(Url("industries", null, null));
        Assert.That(filtered.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private Task<HttpResponseMessage> GetAsync(string list, string? where = null, string? order = null) =>
        _api.Client.GetAsync(Url(list, where, order));

    private async Task<JsonNode> ErrorAsync(HttpStatusCode status, string list, string? where = null, string? order = null)
    {
        using var response = await GetAsync(list, where, order);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
        return JsonNode.Parse(text)!["errors"]![0]!;
    }

    private static string Url(string list, string? where, string? order)
    {
        var query = new List<string>();
        if (where is not null) query.Add("where=" + Uri.EscapeDataString(where));
        if (order is not null) query.Add("order=" + Uri.EscapeDataString(order));
        return $"/export/{list}.csv" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    private static string DecodeType(string globalId) => Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[0];
}
