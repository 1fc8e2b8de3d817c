using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductionReform.Api.Schema;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// The second wave of <c>where</c> over real HTTP on the registry: skill levels (a text[] of enums) with some/none/all/any/
/// count, relations by count, eqi/neqi/ini/nini with LIKE's special characters, <c>matches</c> combined with other
/// conditions, and <c>not</c>; in root and nested lists and the CSV export. Every answer is compared with SQL written here.
/// </summary>
public sealed class ListTextAndNegationFilterTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("listfilters");
        // The seed's standards state no levels, and no industry name holds LIKE's special characters: add some that do,
        // with look-alikes a wildcard would also match. Three standards go to one enterprise, so counts differ.
        await ExecuteAsync("""
            INSERT INTO skill_standards (title, issuer_name, levels, issuer_enterprise_id)
            SELECT t.title, '测试', t.levels::text[], (SELECT id FROM enterprises WHERE name = '中天科技')
            FROM (VALUES ('测试标准甲', '{LEVEL_3,LEVEL_4}'), ('测试标准乙', '{LEVEL_3}'),
                         ('测试标准丙', '{LEVEL_1,PRINCIPAL_TECHNICIAN,CHIEF_TECHNICIAN}')) AS t (title, levels);
            INSERT INTO skill_standards (title, issuer_name, levels, issuer_enterprise_id) VALUES
              ('测试标准丁', '测试', '{APPRENTICE}', (SELECT min(id) FROM enterprises WHERE is_sample));
            INSERT INTO industries (code, name, name_en, kind) VALUES
              ('TEST_PERCENT', '甲%乙', 'Cut 50%_Off', 'OTHER'), ('TEST_PERCENT_LIKE', '甲丙乙', 'cut 50x off', 'OTHER'),
              ('TEST_UNDERSCORE', '丁_戊', 'Back\Slash', 'OTHER'), ('TEST_UNDERSCORE_LIKE', '丁己戊', 'BACKXSLASH', 'OTHER');
            """);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    // ---- Lists of enums --------------------------------------------------------------------------------

    [TestCase("""{ levels: { some: { eq: LEVEL_3 } } }""", "'LEVEL_3' = ANY (levels)")]
    [TestCase("""{ levels: { some: { in: [LEVEL_1, APPRENTICE] } } }""", "levels && '{LEVEL_1,APPRENTICE}'::text[]")]
    [TestCase("""{ levels: { none: { eq: LEVEL_3 } } }""", "NOT ('LEVEL_3' = ANY (levels))")]
    [TestCase("""{ levels: { all: { in: [LEVEL_3, LEVEL_4] } } }""",
        "NOT EXISTS (SELECT FROM unnest(levels) l WHERE l NOT IN ('LEVEL_3', 'LEVEL_4'))")]
    [TestCase("""{ levels: { all: { neq: LEVEL_3 } } }""", "NOT ('LEVEL_3' = ANY (levels))")]
    [TestCase("""{ levels: { any: true } }""", "cardinality(levels) > 0")]
    [TestCase("""{ levels: { any: false } }""", "cardinality(levels) = 0")]
    [TestCase("""{ levels: { count: { gte: 2 } } }""", "cardinality(levels) >= 2")]
    [TestCase("""{ levels: { some: { neq: LEVEL_3 }, count: { lt: 3 } } }""",
        "EXISTS (SELECT FROM unnest(levels) l WHERE l <> 'LEVEL_3') AND cardinality(levels) < 3")]
    public async Task Skill_levels_filter_with_some_none_all_any_and_count(string where, string sql)
    {
        var expected = await SqlTextsAsync($"SELECT title FROM skill_standards WHERE {sql}");
        var total = await SqlTextsAsync("SELECT title FROM skill_standards");
        Assert.That(expected, Is.Not.Empty.And.Count.LessThan(total.Count), "the case must tell rows apart");
        var data = await _api.QueryAsync($"{{ skillStandards(where: {where}, first: 100) {{ nodes {{ title }} }} }}");
        Assert.That(Texts(data["skillStandards"]!, "title"), Is.EquivalentTo(expected));
    }

    // ---- Relations by count ----------------------------------------------------------------------------

    [TestCase("""{ standardsIssued: { count: { gte: 2 } } }""",
        "(SELECT count(*) FROM skill_standards s WHERE s.issuer_enterprise_id = e.id) >= 2")]
    [TestCase("""{ standardsIssued: { count: { gte: 1 }, some: { levels: { some: { eq: APPRENTICE } } } } }""",
        "EXISTS (SELECT FROM skill_standards s WHERE s.issuer_enterprise_id = e.id AND 'APPRENTICE' = ANY (s.levels))")]
    [TestCase("""{ studios: { count: { gte: 1 } }, not: { standardsIssued: { count: { gte: 2 } } } }""",
        "EXISTS (SELECT FROM innovation_studios s WHERE s.host_enterprise_id = e.id) " +
        "AND (SELECT count(*) FROM skill_standards s WHERE s.issuer_enterprise_id = e.id) < 2")]
    public async Task Enterprises_filter_by_how_many_related_records_they_have_in_one_statement(string where, string sql)
    {
        var expected = await SqlTextsAsync($"SELECT name FROM enterprises e WHERE {sql}");
        Assert.That(expected, Is.Not.Empty);
        var body = await _api.PostAsync($"{{ enterprises(where: {where}, first: 100) {{ nodes {{ name }} }} }}");
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(Texts(body["data"]!["enterprises"]!, "name"), Is.EquivalentTo(expected));
            Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.EqualTo(1));
        });
    }

    // ---- Case-insensitive equality and membership ----------------------------------------------------------

    [TestCase("name", "eqi", "甲%乙", "lower(name) = '甲%乙'")]
    [TestCase("name", "eqi", "甲_乙", "lower(name) = '甲_乙'")]
    [TestCase("name", "eqi", "丁_戊", "lower(name) = '丁_戊'")]
    [TestCase("nameEn", "eqi", "CUT 50%_OFF", "lower(name_en) = 'cut 50%_off'")]
    [TestCase("nameEn", "eqi", "back\\slash", "lower(name_en) = 'back\\slash'")]
    [TestCase("nameEn", "neqi", "cut 50%_off", "name_en IS NULL OR lower(name_en) <> 'cut 50%_off'")]
    public async Task Eqi_ignores_case_and_reads_percent_underscore_and_backslash_literally(
        string field, string operation, string value, string sql)
    {
        var expected = await SqlTextsAsync($"SELECT code FROM industries WHERE {sql}");
        var actual = await IndustryCodesAsync(field, operation, value);
        Assert.That(actual, Is.EquivalentTo(expected));
        if (operation == "eqi") Assert.That(actual, Has.Count.LessThanOrEqualTo(1), "a wildcard would have matched the look-alike too");
    }

    [Test]
    public async Task Ini_and_nini_ignore_case_and_read_wildcards_literally()
    {
        string[] values = ["CUT 50%_OFF", "backxslash", "%", "_ut 50x off"];
        var inCodes = await IndustryCodesAsync("nameEn", "ini", values);
        var ninCodes = await IndustryCodesAsync("nameEn", "nini", values);
        var lowered = string.Join(", ", values.Select(v => $"'{v.ToLowerInvariant()}'"));
        Assert.Multiple(async () =>
        {
            Assert.That(inCodes, Is.EquivalentTo(await SqlTextsAsync($"SELECT code FROM industries WHERE lower(name_en) IN ({lowered})")));
            Assert.That(inCodes, Is.EquivalentTo(new[] { "TEST_PERCENT", "TEST_UNDERSCORE_LIKE" }));
            Assert.That(ninCodes, Is.EquivalentTo(await SqlTextsAsync(
                $"SELECT code FROM industries WHERE name_en IS NULL OR lower(name_en) NOT IN ({lowered})")));
        });
    }

    // ---- matches ---------------------------------------------------------------------------------------------

    [Test]
    public async Task Matches_finds_a_misspelt_name_combined_with_a_region_as_search_would()
    {
        var region = (await SqlTextsAsync("""
            SELECT r.name FROM enterprises e JOIN regions r ON r.id = e.region_id
            WHERE e.name_en LIKE 'Sample Textile Firm%' GROUP BY r.name ORDER BY count(*) DESC, r.name LIMIT 1
            """))[0];
        const string misspelt = "Sampel Textile Frim 0";
        var expected = await SqlTextsAsync("""
            SELECT e.name FROM enterprises e JOIN regions r ON r.id = e.region_id
            WHERE r.name = @region
              AND (strpos(lower(e.name_en), lower(@text)) > 0
                   OR similarity(e.name_en, @text) >= current_setting('pg_trgm.similarity_threshold')::real)
            """, ("region", region), ("text", misspelt));
        Assert.That(expected, Is.Not.Empty);

        var data = await _api.QueryAsync("""
            query($text: String!, $region: String!) {
              enterprises(where: { nameEn: { matches: $text }, region: { name: { eq: $region } } }, first: 100) { nodes { name } }
            }
            """, new { text = misspelt, region });
        Assert.That(Texts(data["enterprises"]!, "name"), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Matches_finds_zhongtian_by_its_misspelt_english_name_and_a_chinese_substring()
    {
        var misspelt = await _api.QueryAsync("""
            { enterprises(where: { nameEn: { matches: "Zhongtian Tecnology" } }) { nodes { name } } }
            """);
        var substring = await _api.QueryAsync("""{ innovationStudios(where: { name: { matches: "知识产权" } }) { nodes { name } } }""");
        Assert.Multiple(async () =>
        {
            Assert.That(Texts(misspelt["enterprises"]!, "name"), Does.Contain("中天科技"));
            Assert.That(Texts(substring["innovationStudios"]!, "name"),
                Is.EquivalentTo(await SqlTextsAsync(
                    "SELECT name FROM innovation_studios WHERE strpos(name, '知识产权') > 0 OR name % '知识产权'")));
        });
    }

    [Test]
    public void Matches_is_offered_exactly_on_the_searched_columns()
    {
        // Search declares its columns (Searchable); the trigram indexes of the EF model back them and decide where `matches`
        // is offered. The two must agree, for every text field of every list.
        var schema = (RegistrySchema)_api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var texts = schema.Models.All
            .SelectMany(m => m.Fields.OfType<ScalarField>().Where(f => f.IsFilterable && f.ValueType == typeof(string))
                .Select(f => (Model: m, Field: f)))
            .ToList();
        Assert.That(texts.Count(t => t.Field.SearchWeight is not null), Is.GreaterThan(10));
        Assert.Multiple(() =>
        {
            foreach (var (model, field) in texts)
            {
                var input = (IInputObjectGraphType)schema.AllTypes[model.FilterInputName]!;
                var expected = field.SearchWeight is null ? "StringOperationFilterInput" : "SearchableStringOperationFilterInput";
                Assert.That(input.GetField(field.Name)!.ResolvedType!.Name, Is.EqualTo(expected), $"{model.Name}.{field.Name}");
            }
        });
    }

    // ---- not ---------------------------------------------------------------------------------------------------

    [Test]
    public async Task Not_is_the_complement_so_rows_with_a_null_are_in_it()
    {
        var threshold = (await SqlTextsAsync(
            "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY employee_count)::text FROM enterprises"))[0];
        var data = await _api.QueryAsync($$"""
            { enterprises(where: { not: { employeeCount: { gt: {{threshold}} }, region: { name: { neq: "崇川区" } } } }, first: 100) {
                totalCount nodes { name } } }
            """);
        var expected = await SqlTextsAsync($"""
            SELECT e.name FROM enterprises e LEFT JOIN regions r ON r.id = e.region_id
            WHERE NOT (coalesce(e.employee_count > {threshold}, false) AND r.name IS DISTINCT FROM '崇川区')
            """);
        var withNullCount = await SqlTextsAsync("SELECT name FROM enterprises WHERE employee_count IS NULL");
        Assert.Multiple(() =>
        {
            Assert.That(Texts(data["enterprises"]!, "name"), Is.EquivalentTo(expected));
            Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(expected.Count));
            Assert.That(expected, Is.SupersetOf(withNullCount).And.Not.Empty);
        });
    }

    // ---- nested lists, statements, CSV export, errors -----------------------------------------------------------

    [Test]
    public async Task The_new_conditions_in_nested_lists_cost_no_extra_statement()
    {
        const string plain = "{ enterprises(first: 100) { nodes { name standardsIssued { nodes { title } } } } }";
        const string filtered = """
            { enterprises(first: 100, where: { or: [{ standardsIssued: { count: { gte: 2 } } }, { nameEn: { matches: "Sampel" } }] }) {
                nodes { name standardsIssued(where: {
                    levels: { some: { in: [LEVEL_3, APPRENTICE] } }, not: { title: { eqi: "测试标准乙" } } }) {
                  nodes { title } } } } }
            """;
        var body = await _api.PostAsync(filtered);
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        var titles = body["data"]!["enterprises"]!["nodes"]!.AsArray()
            .SelectMany(n => n!["standardsIssued"]!["nodes"]!.AsArray()).Select(s => s!["title"]!.GetValue<string>());
        var expected = await SqlTextsAsync("""
            SELECT s.title FROM skill_standards s JOIN enterprises e ON e.id = s.issuer_enterprise_id
            WHERE ((SELECT count(*) FROM skill_standards c WHERE c.issuer_enterprise_id = e.id) >= 2
                   OR strpos(lower(e.name_en), 'sampel') > 0 OR e.name_en % 'Sampel')
              AND s.levels && '{LEVEL_3,APPRENTICE}'::text[] AND lower(s.title) <> '测试标准乙'
            """);
        Assert.Multiple(async () =>
        {
            Assert.That(titles, Is.EquivalentTo(expected));
            Assert.That(expected, Is.Not.Empty);
            Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.EqualTo(await _api.SqlStatementsAsync(plain)));
        });
    }

    [Test]
    public async Task The_csv_export_takes_the_same_conditions()
    {
        const string where = """
            {"levels":{"some":{"eq":"LEVEL_3"}},"not":{"title":{"eqi":"测试标准乙"}},
             "issuerEnterprise":{"nameEn":{"matches":"Zhongtian"}}}
            """;
        using var response = await _api.Client.GetAsync("/export/skillStandards.csv?where=" + Uri.EscapeDataString(where));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, text);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var title = Array.IndexOf(lines[0].Split(','), "title");
        var expected = await SqlTextsAsync("""
            SELECT s.title FROM skill_standards s JOIN enterprises e ON e.id = s.issuer_enterprise_id
            WHERE 'LEVEL_3' = ANY (s.levels) AND s.title <> '测试标准乙' AND (e.name_en ILIKE '%zhongtian%' OR e.name_en % 'Zhongtian')
            """);
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[title]), Is.EquivalentTo(expected).And.Not.Empty);
    }

    [TestCase("""{"name":{"matches":"  "}}""", "INVALID_FILTER", "matches")]
    [TestCase("""{"creditCode":{"matches":"9132"}}""", "INVALID_FILTER", "creditCode.matches")]
    [TestCase("""{"standardsIssued":{"count":{"gte":"two"}}}""", "INVALID_FILTER", "standardsIssued.count.gte")]
    [TestCase("""{"not":[{"name":{"eq":"x"}}]}""", "INVALID_FILTER", "not")]
    public async Task The_csv_export_refuses_bad_conditions_with_the_code_and_path(string where, string code, string named)
    {
        using var response = await _api.Client.GetAsync("/export/enterprises.csv?where=" + Uri.EscapeDataString(where));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(400), text);
        var error = JsonNode.Parse(text)!["errors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(named));
        });
    }

    [Test]
    public async Task Bad_conditions_in_graphql_are_errors_with_a_code_and_the_path_of_the_list()
    {
        var blank = await _api.ErrorAsync("""
            { regions(first: 1) { nodes { enterprises(where: { nameEn: { matches: "" } }) { nodes { name } } } } }
            """);
        var unindexed = await _api.ErrorAsync("""{ enterprises(where: { creditCode: { matches: "9132" } }) { nodes { name } } }""");
        var tooMany = await _api.ErrorAsync("""query($v: [String]) { industries(where: { name: { ini: $v } }) { nodes { name } } }""",
            new { v = Enumerable.Range(0, 501).Select(i => $"名{i}").ToArray() });
        Assert.Multiple(() =>
        {
            Assert.That(blank["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_FILTER"));
            Assert.That(blank["path"]!.AsArray().Select(p => p!.ToString()), Is.EqualTo(new[] { "regions", "nodes", "0", "enterprises" }));
            Assert.That(unindexed["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("ARGUMENTS_OF_CORRECT_TYPE"));
            Assert.That(unindexed["message"]!.GetValue<string>(), Does.Contain("matches"));
            Assert.That(tooMany["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(tooMany["extensions"]!["limit"]!.GetValue<string>(), Is.EqualTo("maxInListLength"));
        });
    }

    private async Task<List<string>> IndustryCodesAsync(string field, string operation, object value)
    {
        var where = new Dictionary<string, object?> { [field] = new Dictionary<string, object?> { [operation] = value } };
        var data = await _api.QueryAsync("""
            query($where: IndustryFilterInput) { industries(first: 100, where: $where) { nodes { code } } }
            """, new { where });
        return Texts(data["industries"]!, "code");
    }

    private static List<string> Texts(JsonNode connection, string field) =>
        [.. connection["nodes"]!.AsArray().Select(n => n![field]!.GetValue<string>())];

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> SqlTextsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }
}
