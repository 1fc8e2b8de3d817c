using System.Net;
using System.Text;
using System.Text.Json;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Import;

/// <summary>POST /import/&lt;list&gt; over real HTTP against a seeded database of its own.</summary>
public sealed class ImportTests
{
    private static readonly string[] ImportableLists =
    [
        "regions", "industries", "enterprises", "pilotPrograms", "pilotEnrollments", "policyDocuments", "reformMeasures",
        "skillStandards", "occupations", "innovationStudios", "trainingPrograms", "practiceCases", "indicators",
        "indicatorValues", "sources", "citations",
    ];

    private RegistryApi _api = null!;
    private ImportClient _client = null!;
    private string _editor = null!;
    private string _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("import");
        _client = new ImportClient(_api);
        _editor = await _client.CreateKeyAsync("import-editor", RegistryRole.Editor);
        _admin = await _client.CreateKeyAsync("import-admin", RegistryRole.Admin);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task An_exported_csv_with_one_changed_cell_imports_as_one_update_and_the_rest_unchanged()
    {
        var (header, rows) = await _client.ExportAsync("enterprises");
        var name = header.IndexOf("name");
        var nameEn = header.IndexOf("nameEn");
        var changed = rows.FindIndex(r => r[name] == "示例纺织企业07");
        Assert.That(changed, Is.GreaterThanOrEqualTo(0));
        rows[changed][nameEn] = "Sample Textile Enterprise 07, renamed";
        var auditBefore = await _client.ScalarAsync("SELECT count(*) FROM audit_events");

        var (created, updated, unchanged, total) = await _client.ImportAsync("enterprises", ImportClient.Write(header, rows), _editor);

        Assert.Multiple(async () =>
        {
            Assert.That((created, updated, unchanged, total), Is.EqualTo((0, 1, rows.Count - 1, rows.Count)));
            Assert.That(await _client.TextAsync("SELECT name_en FROM enterprises WHERE name = '示例纺织企业07'"),
                Is.EqualTo("Sample Textile Enterprise 07, renamed"));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM audit_events") - auditBefore, Is.EqualTo(1),
                "one audit event for the one update");
            Assert.That(await _client.TextAsync("SELECT actor FROM audit_events ORDER BY id DESC LIMIT 1"), Is.EqualTo("import-editor"));
        });
    }

    [TestCaseSource(nameof(ImportableLists))]
    public async Task Every_list_re_imports_its_own_export_unchanged(string list)
    {
        var (header, rows) = await _client.ExportAsync(list);
        var result = await _client.ImportAsync(list, ImportClient.Write(header, rows), _editor);
        Assert.That(result, Is.EqualTo((0, 0, rows.Count, rows.Count)));
    }

    [Test]
    public async Task Csv_with_and_without_a_bom_creates_records_with_relations_given_by_name_code_or_id()
    {
        var textile = await GlobalIdAsync("industries", "name = '纺织'", "Industry");
        var csv = $"""
            name,nameEn,industry,region,isSample,employeeCount,constructionQualification
            导入企业甲,Import A,纺织,崇川区,true,12,
            导入企业乙,"Import B, Ltd.",CONSTRUCTION,通州区,false,,GRADE_1
            导入企业丙,Import C,{textile},,true,3,
            """;
        var withBom = await _client.PostAsync("enterprises", csv, _editor, bom: true);
        Assert.That(withBom.Status, Is.EqualTo(HttpStatusCode.OK), withBom.Body.ToJsonString());
        Assert.That(withBom.Body["created"]!.GetValue<int>(), Is.EqualTo(3));

        var withoutBom = await _client.PostAsync("enterprises", csv.Replace("Import A", "Import A2"), _editor, bom: false);
        Assert.That(withoutBom.Status, Is.EqualTo(HttpStatusCode.OK), withoutBom.Body.ToJsonString());
        Assert.Multiple(async () =>
        {
            Assert.That(withoutBom.Body["updated"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(withoutBom.Body["unchanged"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(await _client.TextAsync(
                "SELECT i.code || '/' || r.name || '/' || e.name_en FROM enterprises e " +
                "JOIN industries i ON i.id = e.industry_id JOIN regions r ON r.id = e.region_id WHERE e.name = '导入企业甲'"),
                Is.EqualTo("TEXTILE/崇川区/Import A2"));
            Assert.That(await _client.TextAsync(
                "SELECT i.code || '/' || e.construction_qualification || '/' || e.name_en " +
                "FROM enterprises e JOIN industries i ON i.id = e.industry_id WHERE e.name = '导入企业乙'"),
                Is.EqualTo("CONSTRUCTION/GRADE_1/Import B, Ltd."));
            Assert.That(await _client.TextAsync(
                "SELECT i.code FROM enterprises e JOIN industries i ON i.id = e.industry_id WHERE e.name = '导入企业丙'"),
                Is.EqualTo("TEXTILE"));
        });
    }

    [Test]
    public async Task Json_creates_and_updates_with_lists_numbers_and_booleans()
    {
        var json = """
            [
              {"title": "导入测试标准一", "issuerName": "导入测试协会", "industry": "纺织", "levels": ["LEVEL_5", "LEVEL_4"],
               "postCount": 7, "publishedOn": "2021-05-01"},
              {"title": "导入测试标准二", "issuerName": "导入测试协会", "issuerRegion": "海门区",
               "channel": "SKILL_LEVEL_RECOGNITION", "levels": []}
            ]
            """;
        var first = await _client.ImportAsync("skillStandards", json, _admin, "application/json");
        Assert.That(first, Is.EqualTo((2, 0, 0, 2)));

        var again = """[{"title": "导入测试标准一", "postCount": 8}, {"title": "导入测试标准二", "levels": []}]""";
        var second = await _client.ImportAsync("skillStandards", again, _admin, "application/json; charset=utf-8");
        Assert.Multiple(async () =>
        {
            Assert.That(second, Is.EqualTo((0, 1, 1, 2)));
            Assert.That(await _client.TextAsync(
                "SELECT post_count || '/' || array_to_string(levels, ';') || '/' || published_on " +
                "FROM skill_standards WHERE title = '导入测试标准一'"),
                Is.EqualTo("8/LEVEL_5;LEVEL_4/2021-05-01"), "columns left out keep their values");
        });
    }

    [Test]
    public async Task Bad_rows_at_the_start_middle_and_end_are_all_reported_and_nothing_is_written()
    {
        var rows = Enumerable.Range(1, 60)
            .Select(i => new[] { $"坏行测试企业{i:D2}", "", "纺织", "崇川区", "true", "" })
            .ToList();
        rows[0][1] = "91320600MA1ABCDEF0";    // row 2: wrong check character
        rows[29][2] = "不存在的行业";           // row 31: unknown industry
        rows[30][5] = "SUPER_GRADE";           // row 32: not an enum value
        rows[31][4] = "maybe";                 // row 33: not a boolean
        rows[58][0] = rows[57][0];             // row 60: the same name as row 59
        rows[59][0] = "";                      // row 61: no name
        var csv = ImportClient.Write(["name", "creditCode", "industry", "region", "isSample", "constructionQualification"], rows);
        var before = await _client.CountsAsync();

        var (status, body) = await _client.PostAsync("enterprises", csv, _editor);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body.ToJsonString());
        var problems = ImportClient.Problems(body)
            .Select(p => (Row: p["row"]!.GetValue<int>(), Column: (string?)p["column"], Reason: p["reason"]!.GetValue<string>()))
            .ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(problems.Select(p => (p.Row, p.Column)), Is.EquivalentTo(new (int, string?)[]
            {
                (2, "creditCode"), (31, "industry"), (32, "constructionQualification"), (33, "isSample"), (60, "name"), (61, "name"),
            }));
            Assert.That(problems.Single(p => p.Row == 2).Reason, Does.Contain("check character"));
            Assert.That(problems.Single(p => p.Row == 31).Reason, Does.Contain("No Industry"));
            Assert.That(problems.Single(p => p.Row == 32).Reason, Does.Contain("SPECIAL_GRADE"));
            Assert.That(problems.Single(p => p.Row == 60).Reason, Does.Contain("Row 59"));
            Assert.That(problems.Single(p => p.Row == 61).Reason, Does.Contain("required"));
            Assert.That(body["errors"]![0]!["extensions"]!["problemCount"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(await _client.CountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_bad_last_row_after_many_good_batches_rolls_everything_back()
    {
        var rows = Enumerable.Range(1, 2500).Select(i => new[] { $"回滚测试企业{i:D4}", "纺织" }).ToList();
        rows[^1][1] = "没有这个行业";
        var before = await _client.CountsAsync();

        var (status, body) = await _client.PostAsync("enterprises", ImportClient.Write(["name", "industry"], rows), _editor);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body.ToJsonString());
        Assert.Multiple(async () =>
        {
            Assert.That(ImportClient.Problems(body).Single()["row"]!.GetValue<int>(), Is.EqualTo(2501));
            Assert.That(await _client.CountsAsync(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Unknown_columns_missing_keys_and_unreadable_files_are_problems()
    {
        var (status, body) = await _client.PostAsync("regions", "name,kind,colour\n测试区域一,DISTRICT,red\n", _editor);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var unknown = ImportClient.Problems(body).Single();
        Assert.That((unknown["row"]!.GetValue<int>(), (string?)unknown["column"]), Is.EqualTo((1, "colour")));

        (status, body) = await _client.PostAsync("regions", "nameEn,kind\nSomewhere,DISTRICT\n", _editor);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ImportClient.Problems(body)[0]["reason"]!.GetValue<string>(), Does.Contain("name or code"));

        (status, body) = await _client.PostAsync("regions", "name,kind\n测试区域二,DISTRICT\n\"测试区域三,DISTRICT\n", _editor);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ImportClient.Problems(body).Single()["reason"]!.GetValue<string>(), Does.Contain("never closed"));

        (status, body) = await _client.PostAsync("regions",
            """[{"name": "测试区域四", "kind": "DISTRICT", "parent": {"name": "x"}}, 5]""", _editor, "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ImportClient.Problems(body).Select(p => p["row"]!.GetValue<int>()), Is.EqualTo(new[] { 1, 2 }));

        (status, body) = await _client.PostAsync("regions", """{"name": "x"}""", _editor, "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ImportClient.Problems(body).Single()["reason"]!.GetValue<string>(), Does.Contain("JSON array"));

        Assert.That(await _client.ScalarAsync("SELECT count(*) FROM regions WHERE name LIKE '测试区域%'"), Is.Zero);
    }

    [Test]
    public async Task A_dry_run_counts_what_would_change_and_writes_nothing()
    {
        var csv = "name,nameEn,industry\n试运行企业一,Dry run 1,纺织\n示例纺织企业01,Changed in a dry run,纺织\n";
        var before = await _client.CountsAsync();

        var (created, updated, unchanged, rows) = await _client.ImportAsync("enterprises", csv, _editor, query: "?dryRun=true");

        Assert.Multiple(async () =>
        {
            Assert.That((created, updated, unchanged, rows), Is.EqualTo((1, 1, 0, 2)));
            Assert.That(await _client.CountsAsync(), Is.EqualTo(before));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM enterprises WHERE name = '试运行企业一'"), Is.Zero);
        });
    }

    [Test]
    public async Task Rows_find_their_parent_further_down_the_same_file()
    {
        var csv = "name,kind,parent\n" +
                  "导入街道甲,SUBDISTRICT,导入新区\n" +
                  "导入新区,DEVELOPMENT_ZONE,南通市\n" +
                  "导入街道乙,SUBDISTRICT,导入新区\n";
        Assert.That(await _client.ImportAsync("regions", csv, _editor), Is.EqualTo((3, 0, 0, 3)));
        Assert.That(await _client.TextAsync(
            "SELECT string_agg(c.name || '<' || p.name, ' ' ORDER BY c.name) " +
            "FROM regions c JOIN regions p ON p.id = c.parent_id WHERE c.name LIKE '导入%'"),
            Is.EqualTo("导入新区<南通市 导入街道乙<导入新区 导入街道甲<导入新区"));
        // Again: nothing changes.
        Assert.That(await _client.ImportAsync("regions", csv, _editor), Is.EqualTo((0, 0, 3, 3)));
    }

    [Test]
    public async Task Enterprises_match_by_credit_code_when_it_is_given()
    {
        var code = ImportClient.CreditCodeFor(4711);
        Assert.That(await _client.ImportAsync("enterprises", $"name,creditCode\n信用代码测试企业,{code}\n", _editor),
            Is.EqualTo((1, 0, 0, 1)));
        Assert.That(await _client.ImportAsync("enterprises", $"name,creditCode\n信用代码测试企业（更名）,{code}\n", _editor),
            Is.EqualTo((0, 1, 0, 1)));
        Assert.That(await _client.TextAsync($"SELECT name FROM enterprises WHERE credit_code = '{code}'"),
            Is.EqualTo("信用代码测试企业（更名）"));

        // A name of one record with the credit code of another is a conflict, not an update.
        var (status, body) = await _client.PostAsync("enterprises", $"name,creditCode\n示例纺织企业02,{code}\n", _editor);
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ImportClient.Problems(body).Single()["reason"]!.GetValue<string>(), Does.Contain("another"));
    }

    [Test]
    public async Task Indicator_values_are_keyed_by_indicator_region_and_date()
    {
        var (header, rows) = await _client.ExportAsync("indicatorValues");
        var row = rows[0].ToList();
        row[header.IndexOf("asOf")] = "2030-12-31";
        row[header.IndexOf("value")] = "42.5";
        Assert.That(await _client.ImportAsync("indicatorValues", ImportClient.Write(header, [row]), _editor), Is.EqualTo((1, 0, 0, 1)));
        row[header.IndexOf("value")] = "43";
        Assert.That(await _client.ImportAsync("indicatorValues", ImportClient.Write(header, [row]), _editor), Is.EqualTo((0, 1, 0, 1)));
        Assert.That(await _client.ScalarAsync("SELECT count(*) FROM indicator_values WHERE as_of = '2030-12-31' AND value = 43"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task Callers_need_the_editor_role()
    {
        var csv = "name,kind\n权限测试区域,DISTRICT\n";
        var anonymous = await _client.PostAsync("regions", csv, key: null);
        var unknownKey = await _client.PostAsync("regions", csv, key: "prk_not-a-real-key-at-all-000000");
        Assert.Multiple(() =>
        {
            Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ImportClient.Code(anonymous.Body), Is.EqualTo("AUTH_NOT_AUTHENTICATED"));
            Assert.That(unknownKey.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        Assert.That(await _client.ImportAsync("regions", csv, _editor), Is.EqualTo((1, 0, 0, 1)));
        Assert.That(await _client.ImportAsync("regions", csv, _admin), Is.EqualTo((0, 0, 1, 1)));
    }

    [Test]
    public async Task Unknown_lists_media_types_and_parameters_are_refused()
    {
        var list = await _client.PostAsync("unicorns", "name\nx\n", _editor);
        var media = await _client.PostAsync("regions", "name\nx\n", _editor, "text/plain");
        var charset = await _client.PostAsync("regions", "name\nx\n", _editor, "text/csv; charset=gbk");
        var dryRun = await _client.PostAsync("regions", "name\nx\n", _editor, query: "?dryRun=perhaps");
        Assert.Multiple(() =>
        {
            Assert.That((list.Status, ImportClient.Code(list.Body)), Is.EqualTo((HttpStatusCode.NotFound, "NOT_FOUND")));
            Assert.That((media.Status, ImportClient.Code(media.Body)),
                Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE")));
            Assert.That(charset.Status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That((dryRun.Status, ImportClient.Code(dryRun.Body)), Is.EqualTo((HttpStatusCode.BadRequest, "INVALID_REQUEST")));
        });
    }

    private async Task<string> GlobalIdAsync(string table, string where, string type) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{await _client.ScalarAsync($"SELECT id FROM {table} WHERE {where}")}"));
}
