using Npgsql;

namespace ProductionReform.Api.Tests.Features;

public sealed class SearchTests
{
    private const string Hits = """
        query($text: String!, $types: [SearchableType!], $first: Int, $after: String) {
          search(text: $text, types: $types, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges {
              cursor
              node {
                score matchedField
                node {
                  __typename id
                  ... on Enterprise { name nameEn }
                  ... on InnovationStudio { name }
                  ... on Industry { name }
                  ... on Citation { quote }
                }
              }
            }
          }
        }
        """;

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("search");
        // Names with LIKE wildcards in them, and look-alikes that an unescaped pattern would also match.
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO industries (code, name, name_en, kind) VALUES
              ('TEST_PERCENT', '甲%乙', NULL, 'OTHER'), ('TEST_PERCENT_LIKE', '甲丙丙乙', NULL, 'OTHER'),
              ('TEST_UNDERSCORE', '丁_戊', NULL, 'OTHER'), ('TEST_UNDERSCORE_LIKE', '丁己戊', NULL, 'OTHER')
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private async Task<JsonObject> SearchAsync(string text, string[]? types = null, int? first = null, string? after = null) =>
        (await _api.QueryAsync(Hits, new { text, types, first, after }))["search"]!.AsObject();

    private static List<JsonNode> HitsOf(JsonObject search) =>
        search["edges"]!.AsArray().Select(e => e!["node"]!).ToList();

    private static string? NameOf(JsonNode hit) => hit["node"]!["name"]?.GetValue<string>();

    [Test]
    public async Task A_chinese_substring_finds_the_knowledge_property_bank_first()
    {
        var hits = HitsOf(await SearchAsync("知识产权"));

        Assert.That(hits, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(hits[0]["node"]!["__typename"]!.GetValue<string>(), Is.EqualTo("InnovationStudio"));
            Assert.That(NameOf(hits[0]), Is.EqualTo("中天科技知识产权银行"));
            Assert.That(hits[0]["matchedField"]!.GetValue<string>(), Is.EqualTo("name"));
            // The citation that quotes it is found too, lower.
            Assert.That(hits.Select(h => h["node"]!["__typename"]!.GetValue<string>()), Does.Contain("Citation"));
        });
    }

    [TestCase("zhongtian")]
    [TestCase("ZHONGTIAN")]
    [TestCase("Zhongtian Technology")]
    public async Task English_matches_ignore_case(string text)
    {
        var hits = HitsOf(await SearchAsync(text));

        Assert.That(hits, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(NameOf(hits[0]), Is.EqualTo("中天科技"));
            Assert.That(hits[0]["node"]!["__typename"]!.GetValue<string>(), Is.EqualTo("Enterprise"));
            Assert.That(hits[0]["matchedField"]!.GetValue<string>(), Is.EqualTo("nameEn"));
            Assert.That(hits.Select(NameOf), Does.Contain("中天科技知识产权银行"));
        });
    }

    [Test]
    public async Task A_misspelling_still_finds_by_trigram_similarity_below_every_substring_match()
    {
        var hits = HitsOf(await SearchAsync("Zhongtian Tecnology"));

        Assert.That(hits, Is.Not.Empty);
        Assert.That(NameOf(hits[0]), Is.EqualTo("中天科技"));
        Assert.That(hits[0]["score"]!.GetValue<double>(), Is.LessThan(1));
    }

    [Test]
    public async Task An_exact_match_ranks_above_substring_matches()
    {
        var hits = HitsOf(await SearchAsync("纺织", first: 100));

        var industry = hits.FindIndex(h => h["node"]!["__typename"]!.GetValue<string>() == "Industry" && NameOf(h) == "纺织");
        var sample = hits.FindIndex(h => NameOf(h) == "示例纺织企业01");
        Assert.Multiple(() =>
        {
            Assert.That(industry, Is.EqualTo(0), "the industry 纺织 matches exactly");
            Assert.That(sample, Is.GreaterThan(industry));
            Assert.That(hits[industry]["score"]!.GetValue<double>(), Is.GreaterThan(hits[sample]["score"]!.GetValue<double>()));
            Assert.That(hits.Select(h => h["score"]!.GetValue<double>()), Is.Ordered.Descending);
        });
    }

    [Test]
    public async Task Types_restrict_the_search()
    {
        var all = HitsOf(await SearchAsync("中天科技"));
        var enterprises = HitsOf(await SearchAsync("中天科技", ["ENTERPRISE"]));
        var studiosAndCitations = HitsOf(await SearchAsync("中天科技", ["INNOVATION_STUDIO", "CITATION"]));

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(h => h["node"]!["__typename"]!.GetValue<string>()).Distinct(),
                Is.SupersetOf(new[] { "Enterprise", "InnovationStudio", "Citation" }));
            Assert.That(enterprises.Select(h => h["node"]!["__typename"]!.GetValue<string>()), Has.All.EqualTo("Enterprise"));
            Assert.That(enterprises.Select(NameOf), Does.Contain("中天科技"));
            Assert.That(studiosAndCitations.Select(h => h["node"]!["__typename"]!.GetValue<string>()).Distinct(),
                Is.EquivalentTo(new[] { "InnovationStudio", "Citation" }));
        });
    }

    [Test]
    public async Task Paging_with_first_and_after_walks_every_hit_once()
    {
        var whole = await SearchAsync("示例", first: 100);
        var total = whole["totalCount"]!.GetValue<int>();
        var expected = HitsOf(whole).Select(h => h["node"]!["id"]!.GetValue<string>()).ToList();
        Assert.That(total, Is.GreaterThan(25).And.EqualTo(expected.Count));

        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            var search = await SearchAsync("示例", first: 7, after: after);
            Assert.That(search["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
            seen.AddRange(HitsOf(search).Select(h => h["node"]!["id"]!.GetValue<string>()));
            if (!search["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = search["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.That(seen, Is.EqualTo(expected), "the pages, end to end, are the whole ranking, each hit once");
    }

    [TestCase("甲%乙", "甲%乙")]
    [TestCase("丁_戊", "丁_戊")]
    public async Task Like_wildcards_in_the_text_match_literally(string text, string only)
    {
        var hits = HitsOf(await SearchAsync(text, ["INDUSTRY"]));

        Assert.That(hits.Select(NameOf), Is.EqualTo(new[] { only }));
    }

    [Test]
    public async Task An_offset_past_the_end_gives_an_empty_page_with_the_total()
    {
        var first = await SearchAsync("中天科技", first: 100);
        var total = first["totalCount"]!.GetValue<int>();
        var last = first["pageInfo"]!["endCursor"]!.GetValue<string>();

        var beyond = await SearchAsync("中天科技", after: last);
        Assert.Multiple(() =>
        {
            Assert.That(HitsOf(beyond), Is.Empty);
            Assert.That(beyond["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
            Assert.That(beyond["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.False);
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Empty_text_is_refused(string text)
    {
        var error = await _api.ErrorAsync("query($text: String!) { search(text: $text) { totalCount } }", new { text });

        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_SEARCH_TEXT"));
    }

    [Test]
    public async Task Too_long_a_text_is_refused()
    {
        var error = await _api.ErrorAsync("query($text: String!) { search(text: $text) { totalCount } }",
            new { text = new string('纺', 201) });

        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
    }

    [Test]
    public async Task A_page_over_the_maximum_is_refused()
    {
        var error = await _api.ErrorAsync("""{ search(text: "纺织", first: 1000) { totalCount } }""");

        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("100"));
        });
    }

    [TestCase("not a cursor")]
    [TestCase("c2VhcmNoOi0x")] // "search:-1"
    [TestCase("RW50ZXJwcmlzZTox")] // an id, not a cursor
    public async Task A_malformed_cursor_is_refused(string after)
    {
        var error = await _api.ErrorAsync(
            """query($after: String) { search(text: "纺织", after: $after) { totalCount } }""", new { after });

        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
    }

    [Test]
    public async Task Hits_of_two_types_take_one_search_statement_and_one_per_type()
    {
        const string query = """
            {
              search(text: "中天科技", types: [ENTERPRISE, INNOVATION_STUDIO]) {
                edges { node { score node { id ... on Enterprise { name industry { name } } ... on InnovationStudio { name kind } } } }
                nodes { matchedField node { ... on InnovationStudio { nameEn hostEnterprise { name } } } }
              }
            }
            """;

        var data = await _api.QueryAsync(query);
        var types = data["search"]!["edges"]!.AsArray().Select(e => e!["node"]!["node"]!["name"]!.GetValue<string>()).ToList();
        Assert.That(types, Does.Contain("中天科技").And.Contain("中天科技知识产权银行"));
        var bank = data["search"]!["nodes"]!.AsArray().Select(n => n!["node"]!).Single(n => n["nameEn"] is not null);
        Assert.That(bank["hostEnterprise"]!["name"]!.GetValue<string>(), Is.EqualTo("中天科技"));

        Assert.That(await _api.SqlStatementsAsync(query), Is.LessThanOrEqualTo(3));
    }

    [Test]
    public async Task Hits_without_nodes_take_one_statement()
    {
        Assert.That(await _api.SqlStatementsAsync("""{ search(text: "纺织") { totalCount nodes { score matchedField } } }"""),
            Is.EqualTo(1));
    }
}
