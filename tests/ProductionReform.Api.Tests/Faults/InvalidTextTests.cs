using System.Net;
using System.Text;
using ProductionReform.Api.Tests.Import;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>
/// Text PostgreSQL cannot store (NUL, unpaired surrogates) is refused with INVALID_TEXT at every entry point, before any SQL.
/// </summary>
public sealed class InvalidTextTests
{
    private RegistryApi _api = null!;
    private ImportClient _import = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("invalidtext");
        _import = new ImportClient(_api);
        _editor = await _api.CreateKeyAsync("Text editor", RegistryRole.Editor);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    // The GraphQL escapes \u0000 and \ud800 reach the server as they are and are decoded by the GraphQL parser.
    [TestCase("""{ enterprises(where: {name: {contains: "a\u0000b"}}) { totalCount } }""", "where.name.contains", "NUL")]
    [TestCase("""{ enterprises(where: {name: {eq: "\ud800"}}) { totalCount } }""", "where.name.eq", "unpaired surrogate")]
    [TestCase("""{ enterprises(where: {or: [{nameEn: {in: ["ok", "x\udc00"]}}]}) { totalCount } }""",
        "where.or[0].nameEn.in[1]", "unpaired surrogate")]
    [TestCase("""{ search(text: "纺织\u0000") { totalCount } }""", "text", "NUL")]
    [TestCase("""{ search(text: "\ud800纺织") { totalCount } }""", "text", "unpaired surrogate")]
    public async Task A_string_literal_that_cannot_be_stored_is_refused_naming_the_argument(string query, string path, string what)
    {
        var body = await _api.PostAsync(query);

        var error = body["errors"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code), body.ToJsonString());
            Assert.That(error["extensions"]!["argument"]!.GetValue<string>(), Is.EqualTo(path));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(what));
            Assert.That(body["data"], Is.Null);
            Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.Zero, "refused before any SQL");
        });
    }

    [Test]
    public async Task A_variable_that_cannot_be_stored_is_refused_naming_the_variable_and_the_path_inside_it()
    {
        var flat = await _api.PostAsync("query($t: String!) { enterprises(where: {name: {contains: $t}}) { totalCount } }",
            new { t = "a\0b" });
        var nested = await _api.PostAsync("query($w: EnterpriseFilterInput) { enterprises(where: $w) { totalCount } }",
            new { w = new { and = new object[] { new { name = new { eq = "ok" } }, new { nameEn = new { startsWith = "\0" } } } } });

        Assert.Multiple(() =>
        {
            Assert.That(flat["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code), flat.ToJsonString());
            Assert.That(flat["errors"]![0]!["extensions"]!["variable"]!.GetValue<string>(), Is.EqualTo("$t"));
            Assert.That(nested["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code),
                nested.ToJsonString());
            Assert.That(nested["errors"]![0]!["extensions"]!["variable"]!.GetValue<string>(),
                Does.StartWith("$w").And.Contain("startsWith"));
            Assert.That(nested["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task A_json_escape_that_is_no_character_is_refused_in_the_request_body_naming_where_it_is()
    {
        // \ud800 here is a JSON escape: System.Text.Json cannot turn it into a string at all.
        using var inVariables = await _api.SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"query($t: String!) { enterprises(where: {name: {eq: $t}}) { totalCount } }","variables":{"t":"\ud800"}}""");
        using var inQuery = await _api.SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ enterprises(where: {name: {eq: \"\ud800\"}}) { totalCount } }"}""");
        var variablesBody = JsonNode.Parse(await inVariables.Content.ReadAsStringAsync())!;
        var queryBody = JsonNode.Parse(await inQuery.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(inVariables.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(variablesBody["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code));
            Assert.That(variablesBody["errors"]![0]!["extensions"]!["path"]!.GetValue<string>(), Is.EqualTo("variables.t"));
            Assert.That(inQuery.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(queryBody["errors"]![0]!["extensions"]!["path"]!.GetValue<string>(), Is.EqualTo("query"));
        });
    }

    [Test]
    public async Task A_mutation_with_a_nul_in_its_input_is_refused_and_writes_nothing()
    {
        var body = await _api.PostAsAsync(_editor, """
            mutation { createEnterprise(input: {name: "测试\u0000企业"}) { enterprise { id } errors { code } } }
            """);
        var data = await _api.QueryAsync("""{ enterprises(where: {name: {startsWith: "测试"}}) { totalCount } }""");

        Assert.Multiple(() =>
        {
            Assert.That(body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code), body.ToJsonString());
            Assert.That(body["errors"]![0]!["extensions"]!["argument"]!.GetValue<string>(), Is.EqualTo("input.name"));
            Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task Other_control_characters_are_stored_as_given()
    {
        const string description = "第一行\n\t第二行\u0001\u001f";
        var body = await _api.QueryAsAsync(_editor, """
            mutation($d: String) {
              createEnterprise(input: {name: "控制字符企业", description: $d}) { enterprise { description } errors { code } }
            }
            """,
            new { d = description });

        Assert.That(body["createEnterprise"]!["enterprise"]!["description"]!.GetValue<string>(), Is.EqualTo(description),
            body.ToJsonString());
    }

    [TestCase("")]
    [TestCase("?dryRun=true")]
    public async Task An_import_reports_unstorable_cells_by_row_and_column_with_the_other_problems(string query)
    {
        var csv = "name,employeeCount\n好的企业,10\n坏\0企业,20\n另一个企业,many\n";
        var json = """[{"name": "好的企业二"}, {"name": "坏\ud800企业"}]""";

        var fromCsv = await _import.PostAsync("enterprises", csv, _editor, query: query);
        var fromJson = await _import.PostAsync("enterprises", json, _editor, "application/json", query: query);

        var csvProblems = ImportClient.Problems(fromCsv.Body);
        var jsonProblems = ImportClient.Problems(fromJson.Body);
        Assert.Multiple(() =>
        {
            Assert.That(fromCsv.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), fromCsv.Body.ToJsonString());
            Assert.That(csvProblems.Select(p => ((int)p["row"]!, (string?)p["column"], (string?)p["code"])),
                Is.EquivalentTo(new[] { (3, (string?)"name", (string?)StorableText.Code), (4, "employeeCount", null) }));
            Assert.That(fromJson.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), fromJson.Body.ToJsonString());
            Assert.That(jsonProblems.Select(p => ((int)p["row"]!, (string?)p["column"], (string?)p["code"])),
                Is.EquivalentTo(new[] { (2, (string?)"name", (string?)StorableText.Code) }));
        });
        var data = await _api.QueryAsync("""{ enterprises(where: {name: {in: ["好的企业", "好的企业二"]}}) { totalCount } }""");
        Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [TestCase("""{"name":{"eq":"a%00b"}}""", "where")]
    [TestCase("""{"name":{"eq":"\ud800"}}""", "where.name.eq")]
    public async Task An_export_parameter_that_cannot_be_stored_is_refused(string where, string parameter)
    {
        using var response = await _api.Client.GetAsync("/export/enterprises.csv?where=" + where.Replace("\\", "%5C").Replace("\"", "%22"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(), documentOptions: default)!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(StorableText.Code), body.ToJsonString());
            Assert.That(body["errors"]![0]!["extensions"]!["parameter"]!.GetValue<string>(), Is.EqualTo(parameter));
        });
    }

    [Test]
    public void The_rule_accepts_paired_surrogates_and_refuses_the_unpaired_ones()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StorableText.Problem("企业 🏭 \u200f"), Is.Null);
            Assert.That(StorableText.Problem("\ud83c"), Does.Contain("U+D83C"));
            Assert.That(StorableText.Problem("\udfed\ud83c"), Does.Contain("U+DFED"));
            Assert.That(StorableText.Displayable("a\0\ud800🏭"), Is.EqualTo("a\u2400\ufffd🏭"));
            Assert.That(Encoding.UTF8.GetByteCount(StorableText.Displayable("\udc00")), Is.EqualTo(3));
        });
    }
}
