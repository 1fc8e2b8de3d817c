namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// Cursor connections and offset segments over real HTTP: walking every page forwards and backwards over a
/// sort key that many rows share must give every row exactly once, in the same order both ways.
/// </summary>
public sealed class PagingTests
{
    private const int PageSize = 7;
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("paging");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    // Keys that tie: region and industry names repeat across many firms, and some firms have neither (NULL).
    [TestCase("[{ region: { name: ASC } }]")]
    [TestCase("[{ region: { name: DESC } }]")]
    [TestCase("[{ industry: { name: DESC } }, { employeeCount: ASC }]")]
    [TestCase("[{ isSample: DESC }, { constructionQualification: ASC }]")]
    [TestCase("[{ region: { parent: { name: ASC } } }, { industry: { code: DESC } }]")]
    // Statistics of to-many relations: most firms host no studio, and many share an industry's average (NULL without one).
    [TestCase("[{ studios: { count: DESC } }]")]
    [TestCase("[{ sources: { count: ASC } }, { industry: { enterprises: { avg: { employeeCount: DESC } } } }]")]
    public async Task Forward_and_backward_walks_give_every_row_once_in_the_same_order(string order)
    {
        var total = await TotalAsync();
        var oneRead = await OneReadAsync(order, total);

        // Forward: first/after.
        var forward = new List<string>();
        var forwardPages = new List<JsonNode>();
        string? after = null;
        while (true)
        {
            var page = await PageAsync($"first: {PageSize}, after: $cursor, order: {order}", after);
            forwardPages.Add(page);
            forward.AddRange(Ids(page));
            var info = page["pageInfo"]!;
            Assert.That(page["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
            if (!info["hasNextPage"]!.GetValue<bool>()) break;
            Assert.That(forwardPages, Has.Count.LessThanOrEqualTo(total), "the walk ends");
            after = info["endCursor"]!.GetValue<string>();
        }

        // Backward: last/before, each page put in front of the pages read so far.
        var backward = new List<string>();
        var backwardPages = new List<JsonNode>();
        string? before = null;
        while (true)
        {
            var page = await PageAsync($"last: {PageSize}, before: $cursor, order: {order}", before);
            backwardPages.Add(page);
            backward.InsertRange(0, Ids(page));
            var info = page["pageInfo"]!;
            Assert.That(page["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
            if (!info["hasPreviousPage"]!.GetValue<bool>()) break;
            Assert.That(backwardPages, Has.Count.LessThanOrEqualTo(total), "the walk ends");
            before = info["startCursor"]!.GetValue<string>();
        }

        var pages = (total + PageSize - 1) / PageSize;
        Assert.Multiple(() =>
        {
            Assert.That(forward, Is.Unique);
            Assert.That(forward, Has.Count.EqualTo(total));
            Assert.That(forward, Is.EqualTo(oneRead), "forward pages read the order of one page");
            Assert.That(backward, Is.EqualTo(forward), "backward pages read the same order");
            Assert.That(forwardPages, Has.Count.EqualTo(pages));
            Assert.That(backwardPages, Has.Count.EqualTo(pages));

            // The ends of the walks.
            Assert.That(forwardPages[0]["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.False);
            Assert.That(forwardPages[0]["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);
            Assert.That(forwardPages[^1]["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
            Assert.That(backwardPages[0]["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.False);
            Assert.That(backwardPages[0]["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
            Assert.That(backwardPages[^1]["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);

            // Every full page but the last holds PageSize rows; start/end cursors are those of the first/last edge.
            Assert.That(forwardPages.SkipLast(1).Select(p => Ids(p).Count), Has.All.EqualTo(PageSize));
            Assert.That(backwardPages.SkipLast(1).Select(p => Ids(p).Count), Has.All.EqualTo(PageSize));
            foreach (var page in forwardPages.Concat(backwardPages))
            {
                var edges = page["edges"]!.AsArray();
                Assert.That(page["pageInfo"]!["startCursor"]!.GetValue<string>(), Is.EqualTo(edges[0]!["cursor"]!.GetValue<string>()));
                Assert.That(page["pageInfo"]!["endCursor"]!.GetValue<string>(), Is.EqualTo(edges[^1]!["cursor"]!.GetValue<string>()));
            }
        });
    }

    [Test]
    public async Task Paging_from_any_edge_cursor_continues_right_after_it()
    {
        const string order = "[{ region: { name: ASC } }]";
        var total = await TotalAsync();
        var all = await OneReadAsync(order, total);
        var data = await _api.QueryAsync($"{{ enterprises(first: 100, order: {order}) {{ edges {{ cursor node {{ id }} }} }} }}");
        var edges = data["enterprises"]!["edges"]!.AsArray();
        foreach (var i in new[] { 0, 3, edges.Count / 2, edges.Count - 2 })
        {
            var cursor = edges[i]!["cursor"]!.GetValue<string>();
            var after = await PageAsync($"first: 3, after: $cursor, order: {order}", cursor);
            var before = await PageAsync($"last: 3, before: $cursor, order: {order}", cursor);
            Assert.That(Ids(after), Is.EqualTo(all.Skip(i + 1).Take(3)), $"after edge {i}");
            Assert.That(Ids(before), Is.EqualTo(all.Take(i).TakeLast(3)), $"before edge {i}");
        }
    }

    [Test]
    public async Task A_last_page_without_a_cursor_is_the_end_of_the_list()
    {
        const string order = "[{ industry: { name: ASC } }]";
        var total = await TotalAsync();
        var all = await OneReadAsync(order, total);
        var page = await PageAsync($"last: {PageSize}, before: $cursor, order: {order}", null);
        Assert.That(Ids(page), Is.EqualTo(all.TakeLast(PageSize)));
        Assert.That(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.False);
        Assert.That(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Segments_cover_every_row_with_page_info_and_total()
    {
        const string order = "[{ region: { name: ASC } }]";
        var total = await TotalAsync();
        var all = await OneReadAsync(order, total);
        var read = new List<string>();
        for (var skip = 0; skip < total + PageSize; skip += PageSize)
        {
            var data = await _api.QueryAsync($$"""
                {
                  enterprisesPage(skip: {{skip}}, take: {{PageSize}}, order: {{order}}) {
                    totalCount pageInfo { hasNextPage hasPreviousPage } items { id }
                  }
                }
                """);
            var segment = data["enterprisesPage"]!;
            var items = segment["items"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(segment["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
                Assert.That(items, Is.EqualTo(all.Skip(skip).Take(PageSize)), $"skip {skip}");
                Assert.That(segment["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.EqualTo(skip > 0), $"skip {skip}");
                Assert.That(segment["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.EqualTo(skip + PageSize < total), $"skip {skip}");
            });
            read.AddRange(items);
        }
        Assert.That(read, Is.EqualTo(all));
    }

    [Test]
    public async Task A_segment_without_take_uses_the_default_page_size()
    {
        var total = await TotalAsync();
        var data = await _api.QueryAsync("{ enterprisesPage { items { id } pageInfo { hasNextPage } } enterprises { nodes { id } } }");
        var defaultSize = data["enterprises"]!["nodes"]!.AsArray().Count;
        Assert.That(defaultSize, Is.LessThan(total), "the default page is smaller than the list");
        Assert.That(data["enterprisesPage"]!["items"]!.AsArray(), Has.Count.EqualTo(defaultSize));
        Assert.That(data["enterprisesPage"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Nested_connections_page_with_first_and_after_and_last_and_before()
    {
        // The region with the most enterprises, and its enterprises read through the root list.
        var regions = await _api.QueryAsync("""
            {
              regions(first: 100) {
                nodes { name enterprises(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } }
              }
            }
            """);
        foreach (var region in regions["regions"]!["nodes"]!.AsArray())
        {
            var nested = region!["enterprises"]!;
            var count = nested["totalCount"]!.GetValue<int>();
            Assert.That(nested["nodes"]!.AsArray(), Has.Count.EqualTo(Math.Min(2, count)));
            Assert.That(nested["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.EqualTo(count > 2));
            Assert.That(nested["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.False);
        }
        var busiest = regions["regions"]!["nodes"]!.AsArray()
            .OrderByDescending(r => r!["enterprises"]!["totalCount"]!.GetValue<int>()).First()!["name"]!.GetValue<string>();
        var direct = await _api.QueryAsync("""
            query($name: String!) {
              enterprises(first: 100, where: { region: { name: { eq: $name } } }, order: [{ employeeCount: DESC }]) { nodes { id } }
            }
            """, new { name = busiest });
        var expected = direct["enterprises"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.That(expected, Has.Count.GreaterThan(3));

        const string nestedQuery = """
            query($name: String!, $first: Int, $after: String, $last: Int, $before: String) {
              regions(where: { name: { eq: $name } }) {
                nodes {
                  enterprises(first: $first, after: $after, last: $last, before: $before, order: [{ employeeCount: DESC }]) {
                    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id }
                  }
                }
              }
            }
            """;
        JsonNode Nested(JsonObject data) => data["regions"]!["nodes"]!.AsArray().Single()!["enterprises"]!;

        var forward = new List<string>();
        string? after = null;
        for (var guard = 0; guard <= expected.Count; guard++)
        {
            var page = Nested(await _api.QueryAsync(nestedQuery, new { name = busiest, first = 3, after }));
            forward.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            Assert.That(page["totalCount"]!.GetValue<int>(), Is.EqualTo(expected.Count));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        var backward = new List<string>();
        string? before = null;
        for (var guard = 0; guard <= expected.Count; guard++)
        {
            var page = Nested(await _api.QueryAsync(nestedQuery, new { name = busiest, last = 3, before }));
            backward.InsertRange(0, page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.That(forward, Is.EqualTo(expected));
        Assert.That(backward, Is.EqualTo(expected));
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<int> TotalAsync()
    {
        var data = await _api.QueryAsync("{ enterprises(first: 0) { totalCount } }");
        var total = data["enterprises"]!["totalCount"]!.GetValue<int>();
        Assert.That(total, Is.GreaterThan(3 * PageSize), "enough rows for several pages");
        return total;
    }

    /// <summary>The whole list in one page, as the reference order.</summary>
    private async Task<List<string>> OneReadAsync(string order, int total)
    {
        var data = await _api.QueryAsync($"{{ enterprises(first: 100, order: {order}) {{ nodes {{ id }} }} }}");
        var ids = data["enterprises"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(total));
        return ids;
    }

    private async Task<JsonNode> PageAsync(string arguments, string? cursor)
    {
        var data = await _api.QueryAsync($$"""
            query($cursor: String) {
              enterprises({{arguments}}) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id } }
              }
            }
            """, new { cursor });
        return data["enterprises"]!;
    }

    private static List<string> Ids(JsonNode page) =>
        page["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
}
