namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// Provenance: every fact-bearing record cites the source sentence that states it, every quote of the article is
/// its exact text, synthetic records cite nothing, and the division codes cite the GB/T 2260 reference.
/// </summary>
public sealed class ProvenanceTests
{
    // The checkout's copy of ../shared/seed's article (Data.Tests checks the two are equal).
    private const string ArticlePath = "src/ProductionReform.Data/Seed/nantong-reform-article-2021.txt";

    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("provenance");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    /// <summary>The article with its print-layout line breaks removed (a break may fall mid-sentence, even mid-word).</summary>
    private static string ArticleText() => File.ReadAllText(FindArticle()).Replace("\r", "").Replace("\n", "");

    /// <summary>Walks up from the test binaries to the checkout that holds the article.</summary>
    private static string FindArticle()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, ArticlePath);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{ArticlePath} was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Every citation, read page by page through the cursor of the root connection.</summary>
    private async Task<(List<JsonNode> Citations, int TotalCount, int Pages)> AllCitationsAsync(int pageSize)
    {
        var citations = new List<JsonNode>();
        string? after = null;
        var total = -1;
        var pages = 0;
        while (true)
        {
            var data = await _api.QueryAsync("""
                query($first: Int, $after: String) {
                  citations(first: $first, after: $after) {
                    totalCount
                    pageInfo { hasNextPage endCursor }
                    nodes { id code quote source { code title kind } }
                  }
                }
                """, new { first = pageSize, after });
            var page = data["citations"]!;
            total = page["totalCount"]!.GetValue<int>();
            citations.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            pages++;
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
            Assert.That(pages, Is.LessThan(1000), "paging does not end");
        }
        return (citations, total, pages);
    }

    [Test]
    public async Task Paging_through_the_citations_reads_each_exactly_once()
    {
        var (citations, total, pages) = await AllCitationsAsync(pageSize: 7);

        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.GreaterThan(1));
            Assert.That(citations, Has.Count.EqualTo(total));
            Assert.That(citations.Select(c => c["id"]!.GetValue<string>()), Is.Unique);
        });
    }

    [Test]
    public async Task Every_quote_of_the_article_is_verbatim_in_the_article()
    {
        var article = ArticleText();
        var (citations, _, _) = await AllCitationsAsync(pageSize: 100);
        var ofArticle = citations.Where(c => c["source"]!["kind"]!.GetValue<string>() == "ARTICLE").ToList();

        Assert.That(ofArticle, Has.Count.GreaterThanOrEqualTo(20));
        Assert.Multiple(() =>
        {
            foreach (var citation in ofArticle)
                Assert.That(article, Does.Contain(citation["quote"]!.GetValue<string>()), citation["code"]!.GetValue<string>());
        });
    }

    [Test]
    public async Task Citations_not_of_the_article_quote_the_division_code_reference()
    {
        var (citations, _, _) = await AllCitationsAsync(pageSize: 100);
        var others = citations.Where(c => c["source"]!["kind"]!.GetValue<string>() != "ARTICLE").ToList();

        Assert.Multiple(() =>
        {
            foreach (var citation in others)
            {
                var code = citation["code"]!.GetValue<string>();
                Assert.That(citation["source"]!["kind"]!.GetValue<string>(), Is.EqualTo("REFERENCE"), code);
                Assert.That(citation["quote"]!.GetValue<string>(), Does.Match(@"^\d{6} \S+$"), code);
            }
        });
    }

    [TestCase("indicatorValues", "value")]
    [TestCase("policyDocuments", "title")]
    [TestCase("innovationStudios", "name")]
    [TestCase("skillStandards", "title")]
    [TestCase("trainingPrograms", "name")]
    [TestCase("practiceCases", "title")]
    public async Task Every_fact_bearing_record_cites_a_source(string list, string label)
    {
        var data = await _api.QueryAsync($$"""
            { {{list}}(first: 100) { totalCount nodes { {{label}} sources { totalCount } } } }
            """);

        var rows = data[list]!["nodes"]!.AsArray();
        Assert.That(rows, Is.Not.Empty, $"no {list}");
        Assert.That(rows, Has.Count.EqualTo(data[list]!["totalCount"]!.GetValue<int>()), "more rows than one page");
        var uncited = rows.Where(r => r!["sources"]!["totalCount"]!.GetValue<int>() < 1).Select(r => r![label]!.ToJsonString(Readable));
        Assert.That(uncited, Is.Empty, $"{list} without a citation");
    }

    [TestCase("indicatorValues")]
    [TestCase("policyDocuments")]
    [TestCase("innovationStudios")]
    [TestCase("skillStandards")]
    [TestCase("trainingPrograms")]
    [TestCase("practiceCases")]
    public async Task No_fact_bearing_record_is_found_by_filtering_for_an_empty_citation_list(string list)
    {
        var data = await _api.QueryAsync($$"""
            { {{list}}(where: { sources: { any: false } }) { totalCount } }
            """);

        Assert.That(data[list]!["totalCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Sample_enterprises_say_so_and_cite_nothing()
    {
        var data = await _api.QueryAsync("""
            {
              enterprises(where: { isSample: { eq: true } }, first: 100) {
                totalCount
                nodes { name nameEn isSample creditCode sources { totalCount } }
              }
            }
            """);

        var firms = data["enterprises"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(data["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(24 + 40));
            Assert.That(firms.Select(f => f!["isSample"]!.GetValue<bool>()), Has.All.True);
            Assert.That(firms.Select(f => f!["name"]!.GetValue<string>()), Has.All.StartWith("示例"));
            Assert.That(firms.Select(f => f!["nameEn"]!.GetValue<string>()), Has.All.StartWith("Sample "));
            Assert.That(firms.Select(f => f!["creditCode"]), Has.All.Null);
            Assert.That(firms.Select(f => f!["sources"]!["totalCount"]!.GetValue<int>()), Has.All.Zero);
        });
    }

    [Test]
    public async Task Real_enterprises_are_not_samples_and_cite_the_article()
    {
        var data = await _api.QueryAsync("""
            { enterprises(where: { isSample: { eq: false } }, first: 100) { nodes { name sources { nodes { source { kind } } } } } }
            """);

        var firms = data["enterprises"]!["nodes"]!.AsArray();
        Assert.That(firms, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var firm in firms)
                Assert.That(firm!["sources"]!["nodes"]!.AsArray().Select(c => c!["source"]!["kind"]!.GetValue<string>()),
                    Does.Contain("ARTICLE"), firm["name"]!.GetValue<string>());
        });
    }

    [Test]
    public async Task The_division_code_reference_exists_and_is_cited()
    {
        var data = await _api.QueryAsync("""
            {
              sources(where: { kind: { eq: REFERENCE } }) {
                nodes { title kind citations(first: 100) { totalCount nodes { quote } } }
              }
            }
            """);

        var reference = data["sources"]!["nodes"]!.AsArray().SingleOrDefault(s => s!["title"]!.GetValue<string>().Contains("2260"));
        Assert.That(reference, Is.Not.Null, data.ToJsonString(Readable));
        Assert.That(reference!["citations"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(8));
    }

    [TestCase("南通市", "320600", "CITY", null)]
    [TestCase("崇川区", "320613", "DISTRICT", "南通市")]
    [TestCase("通州区", "320612", "DISTRICT", "南通市")]
    [TestCase("海门区", "320614", "DISTRICT", "南通市")]
    [TestCase("如东县", "320623", "COUNTY", "南通市")]
    [TestCase("启东市", "320681", "COUNTY_LEVEL_CITY", "南通市")]
    [TestCase("如皋市", "320682", "COUNTY_LEVEL_CITY", "南通市")]
    [TestCase("海安市", "320685", "COUNTY_LEVEL_CITY", "南通市")]
    public async Task Region_codes_are_those_of_GB_T_2260_and_cite_it(string name, string code, string kind, string? parent)
    {
        var data = await _api.QueryAsync("""
            query($name: String!) {
              regions(where: { name: { eq: $name } }) {
                nodes { code kind parent { name } sources { nodes { quote source { kind } } } }
              }
            }
            """, new { name });

        var region = data["regions"]!["nodes"]!.AsArray().Single()!;
        var references = region["sources"]!["nodes"]!.AsArray().Where(c => c!["source"]!["kind"]!.GetValue<string>() == "REFERENCE");
        Assert.Multiple(() =>
        {
            Assert.That(region["code"]?.GetValue<string>(), Is.EqualTo(code));
            Assert.That(region["kind"]!.GetValue<string>(), Is.EqualTo(kind));
            Assert.That(region["parent"]?["name"]?.GetValue<string>(), Is.EqualTo(parent));
            Assert.That(references.Select(c => c!["quote"]!.GetValue<string>()), Has.Some.Contains(code));
        });
    }

    [Test]
    public async Task Nantong_has_exactly_the_seven_county_level_divisions()
    {
        var data = await _api.QueryAsync("""
            { regions(where: { parent: { name: { eq: "南通市" } }, kind: { neq: AGGREGATE_AREA } }, first: 100) { nodes { name code } } }
            """);

        Assert.That(data["regions"]!["nodes"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市" }));
    }
}
