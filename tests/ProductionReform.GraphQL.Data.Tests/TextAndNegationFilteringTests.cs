using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary>
/// Case-insensitive equality and membership (eqi/neqi/ini/nini) with LIKE's special characters in the value, <c>matches</c>
/// on a trigram-indexed title, and <c>not</c>: each answer compared with SQL written here another way.
/// </summary>
public sealed class TextAndNegationFilteringTests
{
    private Library _library = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _library = await Library.StartAsync("textnot");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_library is not null) await _library.DisposeAsync();
    }

    private async Task<List<string>> SqlTitlesAsync(string sqlCondition) =>
        await _library.SqlAsync(
            $"""SELECT b."Title" FROM "Books" AS b LEFT JOIN "Authors" AS a ON a."Id" = b."AuthorId" WHERE {sqlCondition}""");

    [TestCase("{ title: { eqi: \"FAMILY\" } }", "lower(b.\"Title\") = 'family'", 1)]
    [TestCase("{ title: { eqi: \"100%_PURE NOTES\" } }", "lower(b.\"Title\") = '100%_pure notes'", 1)]
    // As patterns, % and _ would match the title "100%_pure notes"; read literally they match nothing.
    [TestCase("{ title: { eqi: \"100%_pure_notes\" } }", "lower(b.\"Title\") = '100%_pure_notes'", 0)]
    [TestCase("{ title: { eqi: \"100%pure notes\" } }", "lower(b.\"Title\") = '100%pure notes'", 0)]
    [TestCase("{ title: { eqi: \"1%\" } }", "lower(b.\"Title\") = '1%'", 0)]
    [TestCase("{ title: { neqi: \"wild GRASS\" } }", "lower(b.\"Title\") <> 'wild grass'", 7)]
    [TestCase("{ title: { ini: [\"family\", \"WILD grass\", \"1__%\", \"%\"] } }", "lower(b.\"Title\") IN ('family', 'wild grass')", 2)]
    [TestCase("{ title: { nini: [\"family\", \"quiet night THOUGHT\", \"_%\"] } }",
        "lower(b.\"Title\") NOT IN ('family', 'quiet night thought')", 6)]
    [TestCase("{ author: { name: { ini: [\"LU XUN\", \"li bai\"] } } }", "lower(a.\"Name\") IN ('lu xun', 'li bai')", 5)]
    public async Task Case_insensitive_equality_and_membership_read_wildcards_literally(string where, string sql, int count)
    {
        var expected = await SqlTitlesAsync(sql);
        Assert.That(expected, Has.Count.EqualTo(count), "the SQL's own answer, so the case selects what it says");
        Assert.That(await _library.BookTitlesAsync(where), Is.EquivalentTo(expected));
    }

    [TestCase("Famly")]
    [TestCase("Wild Gras")]
    [TestCase("DIARY OF A MADMEN")]
    [TestCase("moon")]
    [TestCase("%_p")]
    public async Task Matches_finds_substrings_and_misspellings_as_search_does(string text)
    {
        var expected = await _library.SqlAsync($"""
            SELECT "Title" FROM "Books"
            WHERE strpos(lower("Title"), lower('{text}')) > 0
               OR similarity("Title", '{text}') >= current_setting('pg_trgm.similarity_threshold')::real
            """);
        Assert.That(expected, Is.Not.Empty);
        Assert.That(await _library.BookTitlesAsync($"{{ title: {{ matches: \"{text}\" }} }}"), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Matches_combines_with_other_conditions_and_inside_or()
    {
        var titles = await _library.BookTitlesAsync("""
            { kind: { eq: NOVEL }, or: [{ title: { matches: "Famly" } }, { title: { matches: "Diary of a Madmen" } }] }
            """);
        Assert.That(titles, Is.EquivalentTo(new[] { "Family", "Diary of a Madman" }));
    }

    [Test]
    public async Task Matches_needs_text_and_exists_only_on_text_with_a_trigram_index()
    {
        var blank = await _library.ErrorAsync("{ books(where: { title: { matches: \"  \" } }) { nodes { title } } }");
        var unindexed = await _library.ErrorAsync("{ authors(where: { name: { matches: \"Lu\" } }) { nodes { name } } }");
        Assert.Multiple(() =>
        {
            Assert.That(blank["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_FILTER"));
            Assert.That(blank["message"]!.GetValue<string>(), Does.Contain("title.matches"));
            Assert.That(blank["path"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "books" }));
            Assert.That(unindexed["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("ARGUMENTS_OF_CORRECT_TYPE"));
            Assert.That(unindexed["message"]!.GetValue<string>(), Does.Contain("matches"));
        });
    }

    [TestCase("{ not: { title: { contains: \"a\" } } }", "strpos(lower(b.\"Title\"), 'a') = 0")]
    [TestCase("{ not: { pages: { gt: 100 }, kind: { eq: NOVEL } } }", "NOT (b.\"Pages\" > 100 AND b.\"Kind\" = 0)")]
    // A book without author has no name equal to Lu Xun, so it is in the negation (SQL's NOT would drop its NULL).
    [TestCase("{ not: { author: { name: { eq: \"Lu Xun\" } } } }", "a.\"Name\" IS DISTINCT FROM 'Lu Xun'")]
    [TestCase("{ not: { author: { name: { neq: \"Lu Xun\" } } } }", "a.\"Name\" = 'Lu Xun'")]
    [TestCase("{ not: { not: { kind: { eq: POETRY } } } }", "b.\"Kind\" = 1")]
    [TestCase("{ kind: { eq: NOVEL }, not: { or: [{ pages: { lt: 100 } }, { author: { name: { eq: \"Ba Jin\" } } }] } }",
        "b.\"Kind\" = 0 AND b.\"Pages\" >= 100 AND a.\"Name\" IS DISTINCT FROM 'Ba Jin'")]
    [TestCase("{ or: [{ not: { kind: { eq: NOVEL } } }, { pages: { gt: 300 } }] }", "b.\"Kind\" <> 0 OR b.\"Pages\" > 300")]
    [TestCase("{ not: { formats: { some: { eq: EBOOK } } } }", "NOT (2 = ANY (b.\"Formats\"))")]
    public async Task Not_is_the_complement_of_its_object_and_composes_with_and_or(string where, string sql)
    {
        var expected = await SqlTitlesAsync(sql);
        Assert.That(expected, Is.Not.Empty);
        Assert.That(await _library.BookTitlesAsync(where), Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Not_works_through_a_to_many_relation_and_counts_toward_the_depth_limit()
    {
        var names = (await _library.DataAsync("""
            { authors(where: { not: { books: { some: { not: { kind: { eq: POETRY } } } } } }) { nodes { name } } }
            """))["authors"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>());
        var expected = await _library.SqlAsync("""
            SELECT "Name" FROM "Authors" AS a WHERE NOT EXISTS (SELECT FROM "Books" AS b WHERE b."AuthorId" = a."Id" AND b."Kind" <> 1)
            """);
        Assert.That(names, Is.EquivalentTo(expected));

        var where = "{ title: { eq: \"x\" } }";
        for (var i = 0; i < 12; i++) where = $"{{ not: {where} }}";
        var error = await _library.ErrorAsync($"{{ books(where: {where}) {{ nodes {{ title }} }} }}");
        Assert.That(error["extensions"]!["limit"]!.GetValue<string>(), Is.EqualTo("maxFilterDepth"));
    }
}
