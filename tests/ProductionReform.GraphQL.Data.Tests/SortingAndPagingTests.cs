using System.Text.Json.Nodes;
using ProductionReform.GraphQL.Data.Tests.Fixture;

namespace ProductionReform.GraphQL.Data.Tests;

/// <summary><c>order</c> and paging on the library: relation and enum keys, keyset cursors both ways, offset segments.</summary>
public sealed class SortingAndPagingTests
{
    private Library _library = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _library = await Library.StartAsync("paging");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_library is not null) await _library.DisposeAsync();
    }

    private static string[] Titles(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToArray();

    [Test]
    public async Task A_relation_key_sorts_through_the_join_with_nulls_first_descending()
    {
        var data = await _library.DataAsync(
            "{ books(first: 50, order: [{ author: { name: DESC } }, { pages: ASC }]) { nodes { title } } }");
        Assert.That(Titles(data["books"]!), Is.EqualTo(new[]
        {
            "Anonymous Tales", "Diary of a Madman", "Wild Grass", "Call to Arms", "Quiet Night Thought",
            "Drinking Alone by Moonlight", "100%_pure notes", "Family",
        }));
    }

    [Test]
    public async Task An_enum_sorts_in_declaration_order_and_the_id_breaks_ties()
    {
        var data = await _library.DataAsync("{ books(first: 50, order: [{ kind: DESC }]) { nodes { kind } edges { node { title } } } }");
        var kinds = data["books"]!["nodes"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToArray();
        Assert.That(kinds, Is.EqualTo(new[] { "ESSAY", "POETRY", "POETRY", "POETRY", "NOVEL", "NOVEL", "NOVEL", "NOVEL" }));
    }

    [Test]
    public async Task Cursor_pages_forwards_and_backwards_never_skip_or_repeat_a_row()
    {
        const string order = "order: [{ pages: DESC }]";
        var all = Titles((await _library.DataAsync($"{{ books(first: 50, {order}) {{ nodes {{ title }} }} }}"))["books"]!);

        var forwards = new List<string>();
        string? after = null;
        while (true)
        {
            var cursor = after is null ? "" : $", after: \"{after}\"";
            var page = (await _library.DataAsync(
                $"{{ books(first: 3{cursor}, {order}) {{ nodes {{ title }} pageInfo {{ hasNextPage endCursor }} }} }}"))["books"]!;
            forwards.AddRange(Titles(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var last = (await _library.DataAsync(
            $"{{ books(last: 3, {order}) {{ nodes {{ title }} pageInfo {{ hasPreviousPage startCursor }} }} }}"))["books"]!;
        var before = last["pageInfo"]!["startCursor"]!.GetValue<string>();
        var previous = (await _library.DataAsync($"{{ books(last: 3, before: \"{before}\", {order}) {{ nodes {{ title }} }} }}"))["books"]!;
        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Length.EqualTo(8));
            Assert.That(forwards, Is.EqualTo(all));
            Assert.That(Titles(last), Is.EqualTo(all[^3..]));
            Assert.That(last["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
            Assert.That(Titles(previous), Is.EqualTo(all[^6..^3]));
        });
    }

    [Test]
    public async Task A_cursor_of_another_order_is_refused()
    {
        var page = (await _library.DataAsync("{ books(first: 2, order: [{ title: ASC }]) { pageInfo { endCursor } } }"))["books"]!;
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var error = await _library.ErrorAsync(
            $"{{ books(first: 2, after: \"{cursor}\", order: [{{ pages: ASC }}]) {{ nodes {{ title }} }} }}");
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
    }

    [Test]
    public async Task An_offset_segment_takes_a_window_and_says_whether_more_follow()
    {
        var segment = (await _library.DataAsync(
            "{ booksPage(skip: 2, take: 3, order: [{ pages: ASC }]) " +
            "{ items { title } pageInfo { hasNextPage hasPreviousPage } totalCount } }"))["booksPage"]!;
        Assert.Multiple(() =>
        {
            Assert.That(segment["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Diary of a Madman", "100%_pure notes", "Wild Grass" }));
            Assert.That(segment["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);
            Assert.That(segment["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
            Assert.That(segment["totalCount"]!.GetValue<int>(), Is.EqualTo(8));
        });
    }

    [TestCase("books(first: -1)", "INVALID_PAGING_ARGUMENT", "'first' must be 0 or more; it is -1.")]
    [TestCase("books(last: -2)", "INVALID_PAGING_ARGUMENT", "'last' must be 0 or more; it is -2.")]
    [TestCase("booksPage(skip: -1)", "INVALID_PAGING_ARGUMENT", "'skip' must be 0 or more; it is -1.")]
    [TestCase("books(first: 101)", "LIMIT_EXCEEDED", "'first' is 101; the maximum is 100.")]
    [TestCase("booksAggregate { groups(by: [KIND], first: -1)", "INVALID_PAGING_ARGUMENT", "'first' must be 0 or more; it is -1.")]
    public async Task A_bad_page_size_is_refused_alike_everywhere(string field, string code, string message)
    {
        var selection = field.StartsWith("booksAggregate") ? $"{field} {{ count }} }}"
            : field.StartsWith("booksPage") ? $"{field} {{ items {{ title }} }}"
            : $"{field} {{ nodes {{ title }} }}";
        var error = await _library.ErrorAsync($"{{ {selection} }}");
        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
            Assert.That(error["message"]!.GetValue<string>(), Is.EqualTo(message));
        });
    }
}
