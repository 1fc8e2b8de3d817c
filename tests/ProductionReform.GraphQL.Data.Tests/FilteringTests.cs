using System.Text.Json.Nodes;
using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary><c>where</c> on the library: scalar operations, relations both ways, and/or, and the depth limit.</summary>
public sealed class FilteringTests
{
    private Library _library = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _library = await Library.StartAsync("filtering");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_library is not null) await _library.DisposeAsync();
    }

    private async Task<string[]> AuthorNamesAsync(string where) =>
        (await _library.DataAsync($"{{ authors(where: {where}, order: [{{ name: ASC }}]) {{ nodes {{ name }} }} }}"))["authors"]!["nodes"]!
            .AsArray().Select(n => n!["name"]!.GetValue<string>()).ToArray();

    [TestCase("{ title: { contains: \"FAMILY\" } }", new[] { "Family" })]
    [TestCase("{ title: { contains: \"%_p\" } }", new[] { "100%_pure notes" })]
    [TestCase("{ title: { startsWith: \"d\" } }", new[] { "Diary of a Madman", "Drinking Alone by Moonlight" })]
    [TestCase("{ title: { endsWith: \"GRASS\" } }", new[] { "Wild Grass" })]
    [TestCase("{ title: { ncontains: \"a\" } }", new[] { "100%_pure notes", "Quiet Night Thought" })]
    public async Task Text_operations_ignore_case_and_match_wildcards_literally(string where, string[] expected) =>
        Assert.That(await _library.BookTitlesAsync(where), Is.EqualTo(expected));

    [TestCase("{ pages: { gt: 200 } }", new[] { "Call to Arms", "Family" })]
    [TestCase("{ pages: { lte: 2 } }", new[] { "Drinking Alone by Moonlight", "Quiet Night Thought" })]
    [TestCase("{ pages: { in: [1, 30, 999] } }", new[] { "Diary of a Madman", "Quiet Night Thought" })]
    [TestCase("{ publishedOn: { gte: \"1930-01-01\" } }", new[] { "100%_pure notes", "Family" })]
    [TestCase("{ kind: { eq: ESSAY } }", new[] { "100%_pure notes" })]
    [TestCase("{ kind: { nin: [NOVEL, POETRY] } }", new[] { "100%_pure notes" })]
    public async Task Numbers_dates_and_enums_compare_in_sql(string where, string[] expected) =>
        Assert.That(await _library.BookTitlesAsync(where), Is.EqualTo(expected));

    [Test]
    public async Task And_or_combine_conditions()
    {
        var titles = await _library.BookTitlesAsync(
            "{ or: [{ kind: { eq: ESSAY } }, { and: [{ kind: { eq: NOVEL } }, { pages: { lt: 100 } }] }] }");
        Assert.That(titles, Is.EqualTo(new[] { "100%_pure notes", "Diary of a Madman" }));
    }

    [Test]
    public async Task A_to_one_relation_filters_through_a_join_and_a_missing_relation_matches_nothing()
    {
        var titles = await _library.BookTitlesAsync("{ author: { name: { startsWith: \"li\" } } }");
        Assert.That(titles, Is.EqualTo(new[] { "Drinking Alone by Moonlight", "Quiet Night Thought" }));
    }

    [TestCase("{ books: { some: { kind: { eq: POETRY } } } }", new[] { "Li Bai", "Lu Xun" })]
    [TestCase("{ books: { none: { kind: { eq: POETRY } } } }", new[] { "Ba Jin", "Nobody" })]
    [TestCase("{ books: { all: { kind: { eq: POETRY } } } }", new[] { "Li Bai", "Nobody" })]
    [TestCase("{ books: { any: false } }", new[] { "Nobody" })]
    [TestCase("{ books: { any: true }, name: { neq: \"Lu Xun\" } }", new[] { "Ba Jin", "Li Bai" })]
    public async Task A_to_many_relation_filters_with_some_none_all_any(string where, string[] expected) =>
        Assert.That(await AuthorNamesAsync(where), Is.EqualTo(expected));

    [Test]
    public async Task Too_deep_a_filter_is_refused_with_the_limit_before_any_sql()
    {
        var where = "{ title: { eq: \"x\" } }";
        for (var i = 0; i < 13; i++) where = $"{{ and: [{where}] }}";
        var error = await _library.ErrorAsync($"{{ books(where: {where}) {{ nodes {{ title }} }} }}");
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"));
            Assert.That(error["extensions"]!["limit"]!.GetValue<string>(), Is.EqualTo("maxFilterDepth"));
        });
    }
}
