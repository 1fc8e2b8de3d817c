using System.Text.Json.Nodes;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary>
/// Nested lists batched for all parents (one statement per list field, totalCount per parent), projection of what is
/// selected, and <c>node</c>/<c>nodes</c> by global id.
/// </summary>
public sealed class NestedListAndNodeTests
{
    private Library _library = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _library = await Library.StartAsync("nested");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_library is not null) await _library.DisposeAsync();
    }

    [TestCase(1)]
    [TestCase(50)]
    public async Task A_nested_list_with_totalCount_is_one_statement_with_each_parents_count(int pageSize)
    {
        var (response, statements) = await _library.ExecuteAsync($$"""
            { authors(order: [{ name: ASC }]) { nodes {
                name
                books(first: {{pageSize}}, where: { kind: { neq: ESSAY } }, order: [{ pages: DESC }]) {
                  totalCount nodes { title author { name } }
                }
            } } }
            """);
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        var authors = response["data"]!["authors"]!["nodes"]!.AsArray();
        var totals = authors.ToDictionary(a => a!["name"]!.GetValue<string>(), a => a!["books"]!["totalCount"]!.GetValue<int>());
        var firstTitles = authors.ToDictionary(a => a!["name"]!.GetValue<string>(),
            a => a!["books"]!["nodes"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()).FirstOrDefault());
        Assert.Multiple(() =>
        {
            Assert.That(statements, Is.EqualTo(2), "authors, then every author's books at once");
            Assert.That(totals, Is.EqualTo(new Dictionary<string, int> { ["Ba Jin"] = 1, ["Li Bai"] = 2, ["Lu Xun"] = 3, ["Nobody"] = 0 }));
            Assert.That(firstTitles["Lu Xun"], Is.EqualTo("Call to Arms"));
            Assert.That(firstTitles["Nobody"], Is.Null);
            Assert.That(authors.Select(a => a!["books"]!["nodes"]!.AsArray().Count), Has.All.LessThanOrEqualTo(pageSize));
            Assert.That(authors.SelectMany(a => a!["books"]!["nodes"]!.AsArray()).Select(b => b!["author"]!["name"]!.GetValue<string>()),
                Is.EqualTo(authors.SelectMany(a => a!["books"]!["nodes"]!.AsArray().Select(_ => a!["name"]!.GetValue<string>()))));
        });
    }

    [Test]
    public async Task Nested_aggregates_are_each_parents_own_in_one_statement_per_aggregate_field()
    {
        var (response, statements) = await _library.ExecuteAsync("""
            { authors(order: [{ name: ASC }]) { nodes {
                name
                books(where: { kind: { neq: ESSAY } }) { aggregate { count sum { pages } groups(by: [KIND]) { key { kind } count } } }
            } } }
            """);
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        var authors = response["data"]!["authors"]!["nodes"]!.AsArray().ToDictionary(a => a!["name"]!.GetValue<string>(),
            a => a!["books"]!["aggregate"]!);
        Assert.Multiple(() =>
        {
            Assert.That(statements, Is.EqualTo(3), "authors, then every author's summary, then every author's groups");
            Assert.That(authors.ToDictionary(a => a.Key, a => a.Value["count"]!.GetValue<int>()),
                Is.EqualTo(new Dictionary<string, int> { ["Ba Jin"] = 1, ["Li Bai"] = 2, ["Lu Xun"] = 3, ["Nobody"] = 0 }));
            Assert.That(authors["Lu Xun"]["sum"]!["pages"]!.GetValue<double>(), Is.EqualTo(330));
            Assert.That(authors["Nobody"]["sum"]!["pages"], Is.Null, "no rows, no sum");
            Assert.That(authors["Lu Xun"]["groups"]!.AsArray().Select(g => $"{g!["key"]!["kind"]}:{g["count"]}"),
                Is.EqualTo(new[] { "NOVEL:2", "POETRY:1" }));
            Assert.That(authors["Nobody"]["groups"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task PostgreSQL_plans_a_nested_page_once_and_reuses_the_plan()
    {
        // Enough books that a plan for an unknown page size would look costly: 10,000 copies of each author's books.
        await using var library = await Library.StartAsync("plans");
        await library.SqlAsync("""
            INSERT INTO "Books" ("Title", "Pages", "PublishedOn", "Kind", "Formats", "Tags", "AuthorId")
            SELECT "Title" || ' ' || copy, "Pages", "PublishedOn", "Kind", "Formats", "Tags", "AuthorId"
            FROM "Books", generate_series(1, 10000) AS copy WHERE "AuthorId" IS NOT NULL;
            ANALYZE;
            """);
        var (response, _, commands) =
            await library.RecordAsync("{ authors(first: 3) { nodes { name books(first: 2) { nodes { title } } } } }");
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        Assert.That(commands, Has.Count.EqualTo(2), "the authors, then their books");

        // A page size sent as a parameter left PostgreSQL planning the nested page at every execution: with the limit
        // unknown, the generic plan looked costlier than each custom plan.
        var (custom, generic) = await library.PlansAsync(commands[1], executions: 10);
        Assert.That((custom, generic), Is.EqualTo((5L, 5L)), commands[1].CommandText);
    }

    [Test]
    public async Task Parents_sort_by_a_statistic_of_their_list()
    {
        var byCount = await _library.DataAsync("{ authors(order: [{ books: { count: DESC } }]) { nodes { name } } }");
        var bySum = await _library.DataAsync("{ authors(order: [{ books: { sum: { pages: DESC } } }]) { nodes { name } } }");
        Assert.Multiple(() =>
        {
            // Ba Jin and Li Bai both wrote two books: the key (the order they were added) breaks the tie.
            Assert.That(Names(byCount["authors"]!), Is.EqualTo(new[] { "Lu Xun", "Li Bai", "Ba Jin", "Nobody" }));
            Assert.That(Names(bySum["authors"]!), Is.EqualTo(new[] { "Ba Jin", "Lu Xun", "Li Bai", "Nobody" }));
        });
    }

    [Test]
    public async Task A_root_totalCount_and_a_to_one_relation_ride_in_the_page_statement()
    {
        var (response, statements) = await _library.ExecuteAsync("{ books(first: 2) { totalCount nodes { title author { name } } } }");
        var (past, pastStatements) = await _library.ExecuteAsync("{ booksPage(skip: 8, take: 2) { totalCount items { title } } }");
        Assert.Multiple(() =>
        {
            Assert.That(response["errors"], Is.Null, response.ToJsonString());
            Assert.That(response["data"]!["books"]!["nodes"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(response["data"]!["books"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(statements, Is.EqualTo(1));
            // Past the last row the page is empty and the count is read alone.
            Assert.That(past["data"]!["booksPage"]!["items"]!.AsArray(), Is.Empty, past.ToJsonString());
            Assert.That(past["data"]!["booksPage"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(pastStatements, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Nodes_come_back_in_the_order_asked_with_null_for_a_missing_record()
    {
        var family = await _library.DataAsync("{ books(where: { title: { eq: \"Family\" } }) { nodes { id } } }");
        var familyId = family["books"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var missing = GlobalId.Encode("Author", 999_999);
        var (response, statements) = await _library.ExecuteAsync($$"""
            { nodes(ids: ["{{missing}}", "{{familyId}}"]) { id ... on Book { title pages author { name } } } }
            """);
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        var nodes = response["data"]!["nodes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(nodes[0], Is.Null);
            Assert.That(nodes[1]!["title"]!.GetValue<string>(), Is.EqualTo("Family"));
            Assert.That(nodes[1]!["author"]!["name"]!.GetValue<string>(), Is.EqualTo("Ba Jin"));
            Assert.That(statements, Is.EqualTo(2), "one statement per type asked for");
        });
    }

    [Test]
    public async Task An_id_of_no_type_is_refused()
    {
        var error = await _library.ErrorAsync($"{{ node(id: \"{GlobalId.Encode("Shelf", 1)}\") {{ id }} }}");
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ID"));
    }

    private static IEnumerable<string> Names(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>());
}
