using System.Text.Json.Nodes;

namespace ProductionReform.Benchmarks;

/// <summary>
/// One workload sent to both servers: the same question in each schema, aliased so that both answers have the same
/// shape (<see cref="PeerAnswer"/> unwraps where the schemas differ). <see cref="Peer"/> is null where PostGraphile
/// has no equivalent (aggregates, search, linkages): then only our figures are measured.
/// </summary>
public sealed record PairedWorkload(string Name, string Description, byte[] Ours, byte[]? Peer, Func<JsonObject, JsonNode?> PeerAnswer)
{
    /// <summary>Our question sent as this GET URL instead of POSTing <see cref="Ours"/> (which still checks the answer once).</summary>
    public string? OursUrl { get; init; }

    /// <summary>The GET asks <c>Cache-Control: no-cache</c>, so the server runs it whatever it keeps.</summary>
    public bool NoCache { get; init; }

    public Workload OursWorkload => new(Name, Description, [Ours]) { Urls = OursUrl is null ? [] : [OursUrl], NoCache = NoCache };
    public Workload? PeerWorkload => Peer is null ? null : new(Name, Description, [Peer]);
}

/// <summary>The side-by-side workloads: the issue's five dashboard questions, then deeper nesting, nodes and our own fields.</summary>
public static class PeerWorkloads
{
    private const string FlatPage = """
        { page: enterprises(where: {name: {contains: "示例"}, isSample: {eq: true}}, order: [{name: ASC}], first: 50) {
            nodes { name nameEn employeeCount region { name } industry { name } } } }
        """;

    private const string FlatPagePeer = """
        { page: allEnterprises(filter: {name: {includesInsensitive: "示例"}, isSample: {equalTo: true}},
                               orderBy: [NAME_ASC, PRIMARY_KEY_ASC], first: 50) {
            nodes { name nameEn employeeCount region: regionByRegionId { name } industry: industryByIndustryId { name } } } }
        """;

    private const string Nested = """
        { industries(first: 10) { nodes { name enterprises(first: 30) { totalCount nodes { name region { name } } } } } }
        """;

    private const string NestedPeer = """
        { industries: allIndustries(first: 10, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
            enterprises: enterprisesByIndustryId(first: 30, orderBy: [PRIMARY_KEY_ASC]) { totalCount
              nodes { name region: regionByRegionId { name } } } } } }
        """;

    // An aggregate per parent, read for every industry in one statement per aggregate field; PostGraphile v4 with
    // connection-filter has no aggregates.
    private const string NestedAggregate = """
        { industries(first: 10) { nodes { name enterprises(where: {isSample: {eq: true}}) {
            aggregate { count avg { employeeCount } groups(by: [REGION], first: 5) { key { region { name } } count } } } } } }
        """;

    private const string NestedStudios = """
        { industries(first: 10) { nodes { name enterprises(first: 20) { nodes { name region { name }
            studios(first: 3) { nodes { name kind } } } } } } }
        """;

    private const string NestedStudiosPeer = """
        { industries: allIndustries(first: 10, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
            enterprises: enterprisesByIndustryId(first: 20, orderBy: [PRIMARY_KEY_ASC]) { nodes { name region: regionByRegionId { name }
              studios: innovationStudiosByHostEnterpriseId(first: 3, orderBy: [PRIMARY_KEY_ASC]) { nodes { name kind } } } } } } }
        """;

    private const string CountedPage = """
        { page: enterprises(where: {employeeCount: {gte: 1000}, isBackbone: {eq: false}}, order: [{employeeCount: DESC}], first: 50) {
            totalCount nodes { name employeeCount } } }
        """;

    private const string CountedPagePeer = """
        { page: allEnterprises(filter: {employeeCount: {greaterThanOrEqualTo: 1000}, isBackbone: {equalTo: false}},
                               orderBy: [EMPLOYEE_COUNT_DESC, PRIMARY_KEY_ASC], first: 50) {
            totalCount nodes { name employeeCount } } }
        """;

    private const string Deep = """
        { regions(first: 5) { nodes { name enterprises(first: 10) { nodes { name studios(first: 3) { nodes { name
            inspired(first: 3) { nodes { name } } } } } } } } }
        """;

    private const string DeepPeer = """
        { regions: allRegions(first: 5, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
            enterprises: enterprisesByRegionId(first: 10, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
              studios: innovationStudiosByHostEnterpriseId(first: 3, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
                inspired: innovationStudiosByInspiredById(first: 3, orderBy: [PRIMARY_KEY_ASC]) { nodes { name } } } } } } } } }
        """;

    private const string Dashboard = """
        { regions(first: 20) { totalCount nodes { name
            enterprises(first: 10, order: [{name: ASC}]) {
              totalCount nodes { name industry { name } studios(first: 5) { nodes { name kind } } } } } }
          pilotPrograms(first: 20) { nodes { name enrollments(first: 10) { nodes { enterprise { name region { name } } } } } } }
        """;

    private const string DashboardPeer = """
        { regions: allRegions(first: 20, orderBy: [PRIMARY_KEY_ASC]) { totalCount nodes { name
            enterprises: enterprisesByRegionId(first: 10, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { totalCount nodes { name
              industry: industryByIndustryId { name }
              studios: innovationStudiosByHostEnterpriseId(first: 5, orderBy: [PRIMARY_KEY_ASC]) { nodes { name kind } } } } } }
          pilotPrograms: allPilotPrograms(first: 20, orderBy: [PRIMARY_KEY_ASC]) { nodes { name
            enrollments: pilotEnrollmentsByProgramId(first: 10, orderBy: [PRIMARY_KEY_ASC]) { nodes {
              enterprise: enterprisByEnterpriseId { name region: regionByRegionId { name } } } } } } }
        """;

    private const string Nodes = """
        query($ids: [ID!]!) { nodes(ids: $ids) { ... on Enterprise { name employeeCount } } }
        """;

    private const string NodesPeer = """
        query($ids: [Int!]) { nodes: allEnterprises(filter: {id: {in: $ids}}, orderBy: [PRIMARY_KEY_ASC]) { nodes { name employeeCount } } }
        """;

    /// <param name="peer">PostGraphile, or null when our API is measured alone: then no workload has a peer question.</param>
    public static async Task<List<PairedWorkload>> BuildAsync(HttpClient ours, HttpClient? peer)
    {
        // The first 100 enterprises by key in each schema: our opaque ids, PostGraphile's row ids (its `id`; `nodeId` is its global id).
        var ids = (await DataAsync(ours, """{ enterprises(first: 100) { nodes { id } } }"""))["enterprises"]!["nodes"]!.AsArray()
            .Select(n => n!["id"]!.GetValue<string>()).ToArray();
        int[] rowIds = peer is null
            ? []
            : (await DataAsync(peer, """{ allEnterprises(first: 100, orderBy: [PRIMARY_KEY_ASC]) { nodes { id } } }"""))
                ["allEnterprises"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()).ToArray();
        var start = await DataAsync(ours, """{ enterprises(where: {name: {eq: "中天科技"}}, first: 1) { nodes { id } } }""");
        var zhongtian = start["enterprises"]!["nodes"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("中天科技 is not in the seeded database.");

        var workloads = new List<PairedWorkload>
        {
            Same("flat page", "enterprises named 示例 that are samples, by name, 50 rows with region and industry",
                FlatPage, FlatPagePeer),
            Same("nested", "10 industries → 30 enterprises each with totalCount → region", Nested, NestedPeer),
            Same("nested studios", "10 industries → 20 enterprises → region, 3 studios each", NestedStudios, NestedStudiosPeer),
            Same("counted page", "employeeCount ≥ 1000 and not backbone, by employeeCount ↓, 50 rows with totalCount",
                CountedPage, CountedPagePeer),
            Same("deep 4 levels", "5 regions → 10 enterprises → 3 studios → 3 studios they inspired", Deep, DeepPeer),
            Same("dashboard", "regions → enterprises → industry, studios; pilot programs → enrollments → enterprise → region",
                Dashboard, DashboardPeer),
            new("nodes 100", "nodes(ids:) with 100 enterprise ids; PostGraphile: allEnterprises filtered by id in the 100",
                Workloads.Body(Nodes, new { ids }), Workloads.Body(NodesPeer, new { ids = rowIds }),
                data => new JsonObject { ["nodes"] = data["nodes"]?["nodes"]?.DeepClone() }),
            Ours("aggregate", "count, avg employeeCount, groups by industry × region of sample enterprises", Workloads.Aggregate),
            Ours("nested aggregate", "10 industries → their sample enterprises' aggregate: count, avg employeeCount, top 5 regions",
                NestedAggregate),
            Ours("search", "search \"示例\", first 20, score and node id", Workloads.Search),
            new("linkage", "linkages from 中天科技, depth 2, with edge sources",
                Workloads.Body(Workloads.Linkage, new { from = zhongtian }), null, d => d),
            Ours("dashboard GET", "the dashboard as an anonymous GET with Cache-Control: no-cache (always runs)", Dashboard)
                with { OursUrl = Workloads.GetUrl(Dashboard), NoCache = true },
            Ours("dashboard GET cached", "the dashboard as an anonymous GET, from the response cache", Dashboard)
                with { OursUrl = Workloads.GetUrl(Dashboard) },
        };
        if (peer is null) return workloads.Select(w => w with { Peer = null }).ToList();
        foreach (var workload in workloads) await CompareAsync(ours, peer, workload);
        return workloads;
    }

    private static PairedWorkload Same(string name, string description, string ours, string peer) =>
        new(name, description, Workloads.Body(ours), Workloads.Body(peer), data => data);

    private static PairedWorkload Ours(string name, string description, string query) =>
        new(name, description, Workloads.Body(query), null, d => d);

    /// <summary>Both answers must be free of errors and, where PostGraphile has the question, equal.</summary>
    private static async Task CompareAsync(HttpClient ours, HttpClient peer, PairedWorkload workload)
    {
        var mine = await DataAsync(ours, workload.Ours, workload.Name);
        if (workload.Peer is null) return;
        var theirs = workload.PeerAnswer(await DataAsync(peer, workload.Peer, workload.Name));
        if (!JsonNode.DeepEquals(mine, theirs))
            throw new InvalidOperationException(
                $"Workload '{workload.Name}': the answers differ.\nours: {Truncate(mine.ToJsonString())}\n" +
                $"PostGraphile: {Truncate(theirs?.ToJsonString() ?? "null")}");
    }

    private static Task<JsonObject> DataAsync(HttpClient client, string query) => DataAsync(client, Workloads.Body(query), "set-up");

    private static async Task<JsonObject> DataAsync(HttpClient client, byte[] body, string name)
    {
        using var response = await client.PostAsync("/graphql",
            new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(text) as JsonObject;
        if (!response.IsSuccessStatusCode || json is null || json["errors"] is JsonArray { Count: > 0 }
            || json["data"] is not JsonObject data)
            throw new InvalidOperationException(
                $"Workload '{name}' failed on {client.BaseAddress} ({(int)response.StatusCode}): {Truncate(text)}");
        return data;
    }

    private static string Truncate(string text) => text.Length <= 1500 ? text : text[..1500] + "…";
}
