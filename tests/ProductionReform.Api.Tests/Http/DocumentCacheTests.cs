using ProductionReform.Api.Limits;
using ProductionReform.Domain;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Http;

/// <summary>
/// A document asked again comes from the parsed-document cache: it must answer exactly as a fresh one would — with
/// its own variables, its caller's role, its cost and limits, and the same errors when it is invalid.
/// </summary>
public sealed class DocumentCacheTests
{
    private const string RegionsQuery = "query($n: Int) { regions(first: $n, order: [{ name: ASC }]) { nodes { name } } }";
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("doccache");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task The_same_document_answers_each_request_with_its_own_variables_and_cost()
    {
        var replies = new List<Reply>();
        foreach (var n in new[] { 1, 3, 2 })
            replies.Add(await _api.PostAsync(new { query = RegionsQuery, variables = new { n }, extensions = new { cost = true } }));

        Assert.Multiple(() =>
        {
            foreach (var (reply, n) in replies.Zip([1, 3, 2]))
            {
                Assert.That(reply.Json["errors"], Is.Null, reply.Text);
                Assert.That(reply.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(n), reply.Text);
                Assert.That(reply.Json["extensions"]!["cost"]!.GetValue<long>(), Is.EqualTo(n), reply.Text);
            }
        });
    }

    [Test]
    public async Task A_document_answered_once_is_still_refused_when_its_variables_exceed_the_limits_or_cannot_be_stored()
    {
        const string query = "query($n: Int, $t: String) { enterprises(first: $n, where: {name: {contains: $t}}) { " +
                             "nodes { studios(first: $n) { nodes { outputs(first: $n) { nodes { title } } } } } } }";
        var fine = await _api.PostAsync(new { query, variables = new { n = 5, t = "a" } });
        var tooCostly = await _api.PostAsync(new { query, variables = new { n = 90, t = "a" } });
        var unstorable = await _api.PostAsync(new { query, variables = new { n = 5, t = "a\0b" } });

        Assert.That(fine.Json["errors"], Is.Null, fine.Text);
        AssertLimit(tooCostly, "maxCost", 500_000, 90 + 8100 + 729_000);
        Assert.That(unstorable.Code, Is.EqualTo(StorableText.Code), unstorable.Text);
        AssertNoSql(unstorable);
    }

    [Test]
    public async Task A_document_an_admin_ran_is_still_refused_to_an_anonymous_caller()
    {
        const string query = "{ auditEvents(first: 1) { totalCount } }";
        var admin = await _api.CreateKeyAsync("document-cache-admin", RegistryRole.Admin);

        // Each caller twice: the roles a document needs are found once, then checked for every caller.
        var allowed = await _api.PostAsAsync(admin, query);
        var anonymous = await _api.PostAsAsync(null, query);
        var allowedAgain = await _api.PostAsAsync(admin, query);
        var anonymousAgain = await _api.PostAsAsync(null, query);

        Assert.Multiple(() =>
        {
            foreach (var reply in new[] { allowed, allowedAgain })
                Assert.That(reply["errors"], Is.Null, reply.ToJsonString());
            foreach (var reply in new[] { anonymous, anonymousAgain })
            {
                Assert.That(reply["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("AUTH_NOT_AUTHORIZED"),
                    reply.ToJsonString());
                Assert.That(reply["data"], Is.Null, reply.ToJsonString());
            }
        });
    }

    [Test]
    public async Task A_document_without_variables_asked_again_reads_the_rows_as_they_are_now()
    {
        const string query = """{ enterprises(where: { name: { startsWith: "缓存测试" } }) { totalCount nodes { name } } }""";
        var editor = await _api.CreateKeyAsync("document-cache-editor", RegistryRole.Editor);

        var before = await _api.PostAsync(new { query });
        var created = await _api.PostAsAsync(editor, """
            mutation { createEnterprise(input: { name: "缓存测试企业" }) { enterprise { name } errors { message } } }
            """);
        var after = await _api.PostAsync(new { query });

        Assert.Multiple(() =>
        {
            Assert.That(created["data"]!["createEnterprise"]!["errors"], Is.Null, created.ToJsonString());
            Assert.That(before.Json["data"]!["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(0), before.Text);
            Assert.That(after.Json["data"]!["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(1), after.Text);
            Assert.That(after.Json["data"]!["enterprises"]!["nodes"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("缓存测试企业"));
        });
    }

    [Test]
    public async Task A_nested_document_without_variables_asked_again_reads_every_parent_it_finds_now()
    {
        const string query = """
            { industries(where: { code: { startsWith: "cache-" } }) { nodes { code
                enterprises { totalCount nodes { name } }
                firstOnly: enterprises(first: 1) { nodes { name } } } } }
            """;
        var editor = await _api.CreateKeyAsync("document-cache-nesting", RegistryRole.Editor);
        async Task AddIndustryAsync(string code, params string[] enterprises)
        {
            var industry = await _api.PostAsAsync(editor, $$"""
                mutation { createIndustry(input: { code: "{{code}}", name: "缓存行业{{code}}", kind: OTHER }) {
                    industry { id } errors { message } } }
                """);
            var id = industry["data"]!["createIndustry"]!["industry"]!["id"]!.GetValue<string>();
            foreach (var name in enterprises)
            {
                var created = await _api.PostAsAsync(editor, $$"""
                    mutation { createEnterprise(input: { name: "{{name}}", industryId: "{{id}}" }) { errors { message } } }
                    """);
                Assert.That(created["data"]!["createEnterprise"]!["errors"], Is.Null, created.ToJsonString());
            }
        }

        // Three asks: the first runs the reads from their expressions, the second compiles them, the third reuses that.
        await AddIndustryAsync("cache-a", "缓存嵌套企业A1");
        var before = await _api.PostAsync(new { query });
        await AddIndustryAsync("cache-b", "缓存嵌套企业B1", "缓存嵌套企业B2");
        var between = await _api.PostAsync(new { query });
        await AddIndustryAsync("cache-c", "缓存嵌套企业C1");
        var after = await _api.PostAsync(new { query });

        string Summary(JsonNode answer) => string.Join("; ", answer["data"]!["industries"]!["nodes"]!.AsArray().Select(n =>
            $"{n!["code"]}: {n["enterprises"]!["totalCount"]} " +
            string.Join(",", n["enterprises"]!["nodes"]!.AsArray().Select(e => e!["name"]!.GetValue<string>())) +
            " first " + string.Join(",", n["firstOnly"]!["nodes"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()))));
        Assert.Multiple(() =>
        {
            Assert.That(Summary(before.Json), Is.EqualTo("cache-a: 1 缓存嵌套企业A1 first 缓存嵌套企业A1"), before.Text);
            Assert.That(Summary(between.Json), Is.EqualTo(
                "cache-a: 1 缓存嵌套企业A1 first 缓存嵌套企业A1; cache-b: 2 缓存嵌套企业B1,缓存嵌套企业B2 first 缓存嵌套企业B1"), between.Text);
            Assert.That(Summary(after.Json), Is.EqualTo(
                "cache-a: 1 缓存嵌套企业A1 first 缓存嵌套企业A1; cache-b: 2 缓存嵌套企业B1,缓存嵌套企业B2 first 缓存嵌套企业B1; " +
                "cache-c: 1 缓存嵌套企业C1 first 缓存嵌套企业C1"), after.Text);
        });
    }

    [Test]
    public async Task A_nodes_document_asked_again_loads_the_records_of_each_request_s_ids()
    {
        const string query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Region { name } ... on Industry { code } } }";
        var regions = await _api.PostAsync(new { query = "{ regions(first: 4) { nodes { id name } } }" });
        var industries = await _api.PostAsync(new { query = "{ industries(first: 3) { nodes { id code } } }" });
        var records = regions.Json["data"]!["regions"]!["nodes"]!.AsArray().Select(n => (Id: n!["id"]!.GetValue<string>(),
                Text: n["name"]!.GetValue<string>()))
            .Concat(industries.Json["data"]!["industries"]!["nodes"]!.AsArray().Select(n => (Id: n!["id"]!.GetValue<string>(),
                Text: n["code"]!.GetValue<string>())))
            .ToList();
        Assert.That(records, Has.Count.EqualTo(7), regions.Text + industries.Text);

        // Four asks of other ids, types and numbers: the first reads from its expression, the second compiles, then reuse.
        int[][] asks = [[0, 4], [1, 2, 5], [3], [6, 0, 5, 2]];
        foreach (var ask in asks)
        {
            var ids = ask.Select(i => records[i].Id).ToArray();
            var reply = await _api.PostAsync(new { query, variables = new { ids } });
            var answered = reply.Json["data"]!["nodes"]!.AsArray()
                .Select(n => (n!["id"]!.GetValue<string>(), (n["name"] ?? n["code"])!.GetValue<string>()));
            Assert.That(answered, Is.EqualTo(ask.Select(i => records[i])), reply.Text);
        }
    }

    [Test]
    public async Task A_document_without_variables_reports_its_cost_every_time_it_is_asked()
    {
        const string query = "{ regions(first: 4) { nodes { enterprises(first: 5) { nodes { name } } } } }";
        var replies = new List<Reply>();
        for (var i = 0; i < 3; i++) replies.Add(await _api.PostAsync(new { query, extensions = new { cost = true } }));

        Assert.Multiple(() =>
        {
            foreach (var reply in replies)
            {
                Assert.That(reply.Json["errors"], Is.Null, reply.Text);
                Assert.That(reply.Json["extensions"]!["cost"]!.GetValue<long>(), Is.EqualTo(4 + 4 * 5), reply.Text);
            }
        });
    }

    [TestCase("{ regions(first: 1) { nodes { nameOfNothing } } }")]
    [TestCase("{ regions(first: 1) { nodes { name }")]
    [TestCase("query($n: Int!) { regions(first: $n) { nodes { name } } }")]
    public async Task An_invalid_document_answers_the_same_error_every_time(string query)
    {
        var first = await _api.PostAsync(new { query });
        var again = await _api.PostAsync(new { query });

        Assert.Multiple(() =>
        {
            Assert.That(first.Json["errors"], Is.Not.Null, first.Text);
            Assert.That(first.Json["data"], Is.Null, first.Text);
            Assert.That(again.Text, Is.EqualTo(first.Text));
        });
    }

    [Test]
    public async Task A_persisted_query_sent_by_hash_after_its_text_answers_with_its_own_variables()
    {
        var hash = PersistedQueryStore.Hash(RegionsQuery);
        var persisted = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        var byText = await _api.PostAsync(new { query = RegionsQuery, variables = new { n = 2 }, extensions = persisted });
        var byHash = await _api.PostAsync(new { variables = new { n = 1 }, extensions = persisted });

        Assert.Multiple(() =>
        {
            Assert.That(byText.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(2), byText.Text);
            Assert.That(byHash.Json["errors"], Is.Null, byHash.Text);
            Assert.That(byHash.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(1), byHash.Text);
        });
    }
}
