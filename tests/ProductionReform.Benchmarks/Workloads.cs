using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProductionReform.Benchmarks;

/// <summary>
/// A named GraphQL workload: the requests its clients send in turn — POST bodies (pre-serialized JSON), or, when
/// <see cref="Urls"/> are given, <c>GET /graphql?query=…</c> requests.
/// </summary>
public sealed record Workload(string Name, string Description, IReadOnlyList<byte[]> Bodies)
{
    /// <summary>GET URLs sent instead of the bodies.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Each GET asks <c>Cache-Control: no-cache</c>, so the server runs it whatever it keeps.</summary>
    public bool NoCache { get; init; }
}

/// <summary>The workloads, built against a running server (ids and cursors come from it) and checked once.</summary>
public static class Workloads
{
    private const string Dashboard = """
        {
          regions(first: 20) {
            totalCount
            nodes {
              name
              enterprises(first: 10, order: [{name: ASC}]) {
                totalCount
                nodes { name industry { name } studios(first: 5) { nodes { name kind } } }
              }
            }
          }
          pilotPrograms {
            nodes { name enrollments(first: 10) { nodes { enterprise { name region { name } } } } }
          }
        }
        """;

    private const string FilteredPage = """
        query($after: String) {
          enterprises(where: {and: [{isSample: {eq: true}}, {name: {contains: "示例"}}]},
                      order: [{region: {name: ASC}}, {name: DESC}], first: 50, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            nodes { id name nameEn employeeCount region { name } industry { name } }
          }
        }
        """;

    internal const string Aggregate = """
        {
          enterprisesAggregate(where: {isSample: {eq: true}}) {
            count
            avg { employeeCount }
            groups(by: [INDUSTRY, REGION]) { key { industry { name } region { name } } count }
          }
        }
        """;

    internal const string Linkage = """
        query($from: ID!) {
          linkages(from: $from, depth: 2) { nodes { id } edges { from to kind sources { quote } } }
        }
        """;

    internal const string Search = """
        { search(text: "示例", first: 20) { nodes { score node { id } } } }
        """;

    /// <summary>
    /// The workloads the server's schema supports (a workload whose root field is missing is skipped and
    /// named in <paramref name="skipped"/>). Every body is sent once and must answer without errors.
    /// </summary>
    public static async Task<List<Workload>> BuildAsync(HttpClient client, List<string> skipped)
    {
        var rootFields = (await DataAsync(client, """{ __type(name: "Query") { fields { name } } }"""))["__type"]!["fields"]!
            .AsArray().Select(f => f!["name"]!.GetValue<string>()).ToHashSet();

        var workloads = new List<Workload>
        {
            new("dashboard", "regions → enterprises → industry, studios; pilot programs → enrollments → enterprise → region",
                [Body(Dashboard)]),
        };

        // Page 1, then page 2 from page 1's end cursor: clients alternate the two requests.
        var page1 = await DataAsync(client, FilteredPage);
        var cursor = page1["enterprises"]!["pageInfo"]!["endCursor"]?.GetValue<string>();
        workloads.Add(new("filtered page",
            "sample enterprises named 示例…, by region name ↑ then name ↓, 50 a page: page 1 and page 2 (after)",
            cursor is null ? [Body(FilteredPage)] : [Body(FilteredPage), Body(FilteredPage, new { after = cursor })]));

        workloads.Add(new("aggregate", "count, avg employeeCount, groups by industry × region of sample enterprises", [Body(Aggregate)]));

        if (rootFields.Contains("linkages"))
        {
            var start = await DataAsync(client, """{ enterprises(where: {name: {eq: "中天科技"}}, first: 1) { nodes { id } } }""");
            var id = start["enterprises"]!["nodes"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>()
                ?? throw new InvalidOperationException("中天科技 is not in the seeded database.");
            workloads.Add(new("linkage", "linkages from 中天科技, depth 2, with edge sources", [Body(Linkage, new { from = id })]));
        }
        else skipped.Add("linkage (no `linkages` field in this schema)");

        if (rootFields.Contains("search"))
            workloads.Add(new("search", "search \"示例\", first 20, score and node id", [Body(Search)]));
        else skipped.Add("search (no `search` field in this schema)");

        // The dashboard again as an anonymous GET: once always run, once answered by the response cache while the data stands.
        var dashboardUrl = GetUrl(Dashboard);
        workloads.Add(new("dashboard GET", "the dashboard as an anonymous GET with Cache-Control: no-cache (always runs)", [])
        {
            Urls = [dashboardUrl], NoCache = true,
        });
        workloads.Add(new("dashboard GET cached", "the dashboard as an anonymous GET, from the response cache", [])
        {
            Urls = [dashboardUrl],
        });

        foreach (var workload in workloads)
        {
            foreach (var body in workload.Bodies)
                await CheckAsync(client, workload.Name, () => Post(body));
            foreach (var url in workload.Urls)
                await CheckAsync(client, workload.Name, () => Get(url, workload.NoCache));
        }
        return workloads;
    }

    internal static byte[] Body(string query, object? variables = null) =>
        JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    internal static string GetUrl(string query) => "/graphql?query=" + Uri.EscapeDataString(query);

    /// <summary>A workload's request: its body POSTed to <c>/graphql</c>.</summary>
    internal static HttpRequestMessage Post(byte[] body) => new(HttpMethod.Post, "/graphql")
    {
        Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
    };

    /// <summary>A workload's request: a GET of its URL, asking the server to run it afresh when <paramref name="noCache"/>.</summary>
    internal static HttpRequestMessage Get(string url, bool noCache)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (noCache) request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        return request;
    }

    private static async Task<JsonObject> DataAsync(HttpClient client, string query) =>
        (await CheckAsync(client, "set-up", () => Post(Body(query))))["data"]!.AsObject();

    /// <summary>Sends a request once; it must answer 200 with data, no errors and <c>extensions.sqlStatements</c>.</summary>
    private static async Task<JsonObject> CheckAsync(HttpClient client, string name, Func<HttpRequestMessage> request)
    {
        using var message = request();
        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text) as JsonObject;
        if (!response.IsSuccessStatusCode || json is null || json["errors"] is JsonArray { Count: > 0 } || json["data"] is null)
            throw new InvalidOperationException($"Workload '{name}' failed ({(int)response.StatusCode}): {Truncate(text)}");
        if (json["extensions"]?["sqlStatements"] is null)
            throw new InvalidOperationException(
                $"Workload '{name}': the response has no extensions.sqlStatements (Diagnostics:SqlCount off?).");
        return json;
    }

    private static string Truncate(string text) => text.Length <= 800 ? text : text[..800] + "…";
}
