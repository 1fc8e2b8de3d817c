using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary>
/// Lists of scalars (an integer[] of enums, a text[] of tags) with some/none/all/any/count, and a relation's count: each
/// answer compared with SQL written here another way (unnest, subqueries), on the library's own tables.
/// </summary>
public sealed class ScalarListFilteringTests
{
    private Library _library = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _library = await Library.StartAsync("scalarlists");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_library is not null) await _library.DisposeAsync();
    }

    private async Task AgreesWithSqlAsync(string where, string sqlCondition)
    {
        var expected = await _library.SqlAsync($"""SELECT "Title" FROM "Books" AS b WHERE {sqlCondition}""");
        var all = await _library.SqlAsync("""SELECT "Title" FROM "Books" """);
        Assert.That(expected, Is.Not.Empty.And.Count.LessThan(all.Count), "the case must tell rows apart");
        Assert.That(await _library.BookTitlesAsync(where), Is.EquivalentTo(expected));
    }

    // BookFormat is stored as its number: HARDCOVER 0, PAPERBACK 1, EBOOK 2, AUDIOBOOK 3.
    [TestCase("{ formats: { some: { eq: EBOOK } } }", "EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f = 2)")]
    [TestCase("{ formats: { some: { in: [HARDCOVER, AUDIOBOOK] } } }", "EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f IN (0, 3))")]
    [TestCase("{ formats: { some: { neq: EBOOK } } }", "EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f <> 2)")]
    [TestCase("{ formats: { some: { nin: [EBOOK, PAPERBACK] } } }", "EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f NOT IN (1, 2))")]
    [TestCase("{ formats: { none: { eq: EBOOK } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f = 2)")]
    [TestCase("{ formats: { none: { nin: [EBOOK] } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f <> 2)")]
    [TestCase("{ formats: { all: { eq: PAPERBACK } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f <> 1)")]
    [TestCase("{ formats: { all: { in: [EBOOK, AUDIOBOOK] } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f NOT IN (2, 3))")]
    [TestCase("{ formats: { all: { neq: EBOOK } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\") f WHERE f = 2)")]
    [TestCase("{ formats: { any: true } }", "EXISTS (SELECT FROM unnest(b.\"Formats\"))")]
    [TestCase("{ formats: { any: false } }", "NOT EXISTS (SELECT FROM unnest(b.\"Formats\"))")]
    [TestCase("{ formats: { count: { gte: 2 } } }", "(SELECT count(*) FROM unnest(b.\"Formats\")) >= 2")]
    [TestCase("{ formats: { some: { eq: EBOOK }, none: { eq: HARDCOVER } } }",
        "2 = ANY (b.\"Formats\") AND NOT (0 = ANY (b.\"Formats\"))")]
    public async Task An_enum_list_filters_with_some_none_all_any_and_count(string where, string sql) =>
        await AgreesWithSqlAsync(where, sql);

    [TestCase("{ tags: { some: { eq: \"classic\" } } }", "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE t = 'classic')")]
    [TestCase("{ tags: { some: { eqi: \"CLASSIC\" } } }", "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE lower(t) = 'classic')")]
    [TestCase("{ tags: { some: { contains: \"Poe\" } } }", "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE strpos(lower(t), 'poe') > 0)")]
    [TestCase("{ tags: { some: { contains: \"g_p\" } } }", "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE strpos(t, 'g_p') > 0)")]
    [TestCase("{ tags: { some: { startsWith: \"100%\" } } }", "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE left(t, 4) = '100%')")]
    [TestCase("{ tags: { none: { in: [\"classic\", \"100x\"] } } }",
        "NOT EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE t IN ('classic', '100x'))")]
    [TestCase("{ tags: { all: { ncontains: \" \" } } }", "NOT EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE strpos(t, ' ') > 0)")]
    [TestCase("{ tags: { some: { or: [{ eq: \"classic\" }, { endsWith: \"POEMS\" }] } } }",
        "EXISTS (SELECT FROM unnest(b.\"Tags\") t WHERE t = 'classic' OR lower(t) LIKE '%poems')")]
    public async Task A_text_list_takes_every_string_operation_per_element_with_wildcards_read_literally(string where, string sql) =>
        await AgreesWithSqlAsync(where, sql);

    [TestCase("{ books: { count: { gte: 2 } } }", ">= 2")]
    [TestCase("{ books: { count: { eq: 0 } } }", "= 0")]
    [TestCase("{ books: { count: { in: [1, 3] } } }", "IN (1, 3)")]
    public async Task A_relation_filters_by_its_count_in_the_same_statement(string where, string sqlComparison)
    {
        var expected = await _library.SqlAsync(
            $"""SELECT "Name" FROM "Authors" AS a WHERE (SELECT count(*) FROM "Books" AS b WHERE b."AuthorId" = a."Id") {sqlComparison}""");
        var (response, statements) = await _library.ExecuteAsync($"{{ authors(where: {where}) {{ nodes {{ name }} }} }}");
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(response["data"]!["authors"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()),
                Is.EquivalentTo(expected));
            Assert.That(expected, Is.Not.Empty);
            Assert.That(statements, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Count_combines_with_some_in_a_nested_connection_without_another_statement()
    {
        var (response, statements) = await _library.ExecuteAsync("""
            { authors(where: { books: { count: { gte: 2 }, some: { formats: { some: { eq: EBOOK } } } } }) {
                nodes { name books(where: { formats: { count: { gte: 2 } }, tags: { any: true } }) { nodes { title } } } } }
            """);
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        var authors = await _library.SqlAsync("""
            SELECT "Name" FROM "Authors" AS a
            WHERE (SELECT count(*) FROM "Books" AS b WHERE b."AuthorId" = a."Id") >= 2
              AND EXISTS (SELECT FROM "Books" AS b WHERE b."AuthorId" = a."Id" AND 2 = ANY (b."Formats"))
            """);
        var books = await _library.SqlAsync("""
            SELECT "Title" FROM "Books" AS b
            WHERE cardinality(b."Formats") >= 2 AND cardinality(b."Tags") > 0
              AND b."AuthorId" IN (SELECT "Id" FROM "Authors" AS a
                                   WHERE (SELECT count(*) FROM "Books" AS c WHERE c."AuthorId" = a."Id") >= 2
                                     AND EXISTS (SELECT FROM "Books" AS c WHERE c."AuthorId" = a."Id" AND 2 = ANY (c."Formats")))
            """);
        var nodes = response["data"]!["authors"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => n!["name"]!.GetValue<string>()), Is.EquivalentTo(authors));
            Assert.That(nodes.SelectMany(n => n!["books"]!["nodes"]!.AsArray()).Select(b => b!["title"]!.GetValue<string>()),
                Is.EquivalentTo(books));
            Assert.That(books, Is.Not.Empty);
            Assert.That(statements, Is.EqualTo(2), "one per list field, as without the filters");
        });
    }

    [Test]
    public async Task A_list_is_not_a_sort_key_and_count_takes_only_integers()
    {
        var sort = await _library.ErrorAsync("{ books(order: [{ formats: ASC }]) { nodes { title } } }");
        var count = await _library.ErrorAsync("{ books(where: { formats: { count: { eq: \"two\" } } }) { nodes { title } } }");
        Assert.Multiple(() =>
        {
            Assert.That(sort["extensions"]!["code"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(count["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("ARGUMENTS_OF_CORRECT_TYPE"));
            Assert.That(count["message"]!.GetValue<string>(), Does.Contain("count"));
        });
    }
}
