using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProductionReform.GraphQL.Data;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// Refused list arguments: each error carries extensions.code (and, for limits, the limit, the maximum and
/// the measured value), and a refusal happens before any SQL runs.
/// </summary>
public sealed class ErrorTests
{
    private RegistryApi _api = null!;
    private DataOptions _limits = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("errors");
        _limits = _api.Services.GetRequiredService<IOptions<DataOptions>>().Value;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    // ---- Validation: the schema refuses the shape --------------------------------------------------------

    [TestCase("{ enterprises(where: { foo: { eq: 1 } }) { totalCount } }", TestName = "Unknown filter field")]
    [TestCase("{ enterprises(where: { name: { like: \"a\" } }) { totalCount } }", TestName = "Unknown string operator")]
    [TestCase("{ enterprises(where: { isSample: { gt: true } }) { totalCount } }", TestName = "Comparison on a Boolean")]
    [TestCase("{ regions(where: { kind: { contains: \"CITY\" } }) { totalCount } }", TestName = "Pattern on an enum")]
    [TestCase("{ enterprises(where: { employeeCount: { eq: \"abc\" } }) { totalCount } }", TestName = "Wrong value type")]
    [TestCase("{ regions(where: { kind: { eq: VILLAGE } }) { totalCount } }", TestName = "Unknown enum value")]
    [TestCase("{ enterprises(order: [{ studios: ASC }]) { totalCount } }", TestName = "Sorting by a list")]
    [TestCase("{ enterprises(order: [{ name: UP }]) { totalCount } }", TestName = "Unknown sort direction")]
    [TestCase("{ enterprises(first: \"ten\") { totalCount } }", TestName = "Wrong paging type")]
    public async Task Invalid_shapes_are_graphql_validation_errors(string query)
    {
        var (status, mediaType, body) = await SendAsync(query);
        var error = FirstError(body);
        Assert.Multiple(() =>
        {
            // No Accept header: an older client, answered with application/json and 200.
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(mediaType, Is.EqualTo("application/json"));
            Assert.That(error["extensions"]?["code"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty.And.Match("^[A-Z][A-Z0-9_]*$"));
            Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(body["data"]?["enterprises"], Is.Null);
        });
        AssertNoSql(body);
    }

    [Test]
    public async Task A_wrong_value_type_in_variables_is_refused()
    {
        var (status, _, body) = await SendAsync("query($where: EnterpriseFilterInput) { enterprises(where: $where) { totalCount } }",
            new { where = new { employeeCount = new { eq = "abc" } } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(FirstError(body)["extensions"]?["code"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        AssertNoSql(body);
    }

    // ---- Limits ----------------------------------------------------------------------------------------

    [Test]
    public async Task An_in_list_longer_than_the_limit_is_refused_with_the_figures()
    {
        var tooMany = Enumerable.Range(1, _limits.MaxInListLength + 1).ToArray();
        var (_, _, body) = await SendAsync(
            "query($values: [Int]) { enterprises(where: { employeeCount: { in: $values } }) { totalCount } }",
            new { values = tooMany });
        AssertLimit(body, "maxInListLength", _limits.MaxInListLength, tooMany.Length);
        AssertNoSql(body);

        // nin counts the same way; a list at the limit is accepted.
        var (_, _, nin) = await SendAsync("query($values: [String]) { enterprises(where: { name: { nin: $values } }) { totalCount } }",
            new { values = tooMany.Select(i => $"firm {i}").ToArray() });
        AssertLimit(nin, "maxInListLength", _limits.MaxInListLength, tooMany.Length);
        var atLimit = await _api.QueryAsync(
            "query($values: [Int]) { enterprises(where: { employeeCount: { in: $values } }) { totalCount } }",
            new { values = tooMany[..^1] });
        Assert.That(atLimit["enterprises"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(0));
    }

    [TestCase("enterprises(first: {0}) { totalCount }", "'first'")]
    [TestCase("enterprises(last: {0}) { totalCount }", "'last'")]
    [TestCase("enterprisesPage(take: {0}) { totalCount }", "'take'")]
    [TestCase("regions { nodes { enterprises(first: {0}) { totalCount } } }", "'first'")]
    public async Task A_page_over_the_maximum_is_refused_with_the_figures(string field, string argument)
    {
        var requested = _limits.MaxPageSize + 1;
        var (_, _, body) = await SendAsync("{ " + field.Replace("{0}", requested.ToString()) + " }");
        AssertLimit(body, "maxPageSize", _limits.MaxPageSize, requested);
        Assert.That(FirstError(body)["message"]!.GetValue<string>(), Does.Contain(argument).And.Contain(_limits.MaxPageSize.ToString()));
        if (!field.StartsWith("regions")) AssertNoSql(body);
    }

    [Test]
    public async Task A_page_at_the_maximum_is_accepted()
    {
        var data = await _api.QueryAsync($"{{ enterprises(first: {_limits.MaxPageSize}) {{ totalCount nodes {{ id }} }} }}");
        var total = data["enterprises"]!["totalCount"]!.GetValue<int>();
        Assert.That(data["enterprises"]!["nodes"]!.AsArray(), Has.Count.EqualTo(Math.Min(total, _limits.MaxPageSize)));
    }

    [Test]
    public async Task A_where_nested_deeper_than_the_limit_is_refused_with_the_figures()
    {
        const int levels = 30;
        var where = "{ isSample: { eq: true } }";
        for (var i = 0; i < levels; i++) where = $"{{ and: [{where}] }}";
        var (_, _, body) = await SendAsync($"{{ enterprises(where: {where}) {{ totalCount }} }}");
        // The outer object is level 1 and every 'and' adds one.
        AssertLimit(body, "maxFilterDepth", _limits.MaxFilterDepth, levels + 1);
        AssertNoSql(body);
    }

    [Test]
    public async Task And_or_inside_a_fields_operations_count_towards_the_depth()
    {
        const int levels = 30;
        var operations = "{ contains: \"示例\" }";
        for (var i = 0; i < levels; i++) operations = $"{{ or: [{operations}] }}";
        var (_, _, body) = await SendAsync($"{{ enterprises(where: {{ name: {operations} }}) {{ totalCount }} }}");
        AssertLimit(body, "maxFilterDepth", _limits.MaxFilterDepth, levels + 1);
        AssertNoSql(body);
    }

    [Test]
    public async Task A_where_at_the_depth_limit_is_accepted()
    {
        var where = "{ isSample: { eq: true } }";
        for (var i = 1; i < _limits.MaxFilterDepth; i++) where = $"{{ and: [{where}] }}";
        var nested = await _api.QueryAsync($"{{ enterprises(where: {where}) {{ totalCount }} }}");
        var flat = await _api.QueryAsync("{ enterprises(where: { isSample: { eq: true } }) { totalCount } }");
        Assert.That(nested["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(flat["enterprises"]!["totalCount"]!.GetValue<int>()));
    }

    // ---- Paging arguments ------------------------------------------------------------------------------

    [TestCase("{ enterprises(first: -1) { totalCount } }", TestName = "first -1")]
    [TestCase("{ enterprises(last: -1) { totalCount } }", TestName = "last -1")]
    [TestCase("{ enterprises(first: 2, last: 2) { totalCount } }", TestName = "first and last")]
    [TestCase("{ enterprises(first: 2, before: \"x\") { totalCount } }", TestName = "first with before")]
    [TestCase("{ enterprises(last: 2, after: \"x\") { totalCount } }", TestName = "last with after")]
    [TestCase("{ enterprisesPage(skip: -1) { totalCount } }", TestName = "skip -1")]
    [TestCase("{ enterprisesPage(take: -1) { totalCount } }", TestName = "take -1")]
    public async Task Invalid_paging_arguments_are_refused(string query)
    {
        var (status, _, body) = await SendAsync(query);
        var error = FirstError(body);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_PAGING_ARGUMENT"));
            Assert.That(error["path"]!.AsArray().Select(p => p!.GetValue<string>()),
                Is.EqualTo(new[] { query.Contains("Page") ? "enterprisesPage" : "enterprises" }));
        });
        AssertNoSql(body);
    }

    [Test]
    public async Task After_and_before_together_are_refused()
    {
        var cursor = await EndCursorAsync("[{ name: ASC }]");
        var (_, _, body) = await SendAsync(
            "query($c: String) { enterprises(after: $c, before: $c, order: [{ name: ASC }]) { totalCount } }", new { c = cursor });
        Assert.That(FirstError(body)["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_PAGING_ARGUMENT"));
        AssertNoSql(body);
    }

    // ---- Cursors ---------------------------------------------------------------------------------------

    [Test]
    public async Task A_cursor_with_any_one_character_changed_is_refused()
    {
        const string order = "[{ region: { name: ASC } }]";
        var cursor = await EndCursorAsync(order);
        var accepted = await _api.QueryAsync(
            $"query($c: String) {{ enterprises(first: 3, after: $c, order: {order}) {{ nodes {{ id }} }} }}", new { c = cursor });
        Assert.That(accepted["enterprises"]!["nodes"]!.AsArray(), Is.Not.Empty, "the untouched cursor works");

        for (var i = 0; i < cursor.Length; i++)
        {
            if (cursor[i] == '.') continue;
            var tampered = cursor[..i] + (cursor[i] == 'A' ? 'B' : 'A') + cursor[(i + 1)..];
            var (_, _, body) = await SendAsync(
                $"query($c: String) {{ enterprises(first: 3, after: $c, order: {order}) {{ nodes {{ id }} }} }}", new { c = tampered });
            Assert.That(FirstError(body)["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"),
                $"character {i} of {cursor}");
            AssertNoSql(body);
        }
    }

    [TestCase("not-a-cursor")]
    [TestCase("")]
    [TestCase("eyJPcmRlciI6IiJ9.AAAA")]
    public async Task Garbage_cursors_are_refused(string cursor)
    {
        var (_, _, body) = await SendAsync("query($c: String) { enterprises(last: 3, before: $c) { totalCount } }", new { c = cursor });
        Assert.That(FirstError(body)["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
        AssertNoSql(body);
    }

    [TestCase("[{ name: DESC }]")]
    [TestCase("[{ region: { name: DESC } }]")]
    [TestCase("[{ region: { name: ASC } }, { name: ASC }]")]
    [TestCase("[]")]
    public async Task A_cursor_from_another_order_is_refused(string otherOrder)
    {
        var cursor = await EndCursorAsync("[{ region: { name: ASC } }]");
        var (_, _, body) = await SendAsync(
            $"query($c: String) {{ enterprises(first: 3, after: $c, order: {otherOrder}) {{ totalCount }} }}", new { c = cursor });
        var error = FirstError(body);
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
        Assert.That(error["message"]!.GetValue<string>(), Does.Contain("order"));
        AssertNoSql(body);
    }

    [Test]
    public async Task A_cursor_from_another_list_with_the_same_order_is_refused()
    {
        var data = await _api.QueryAsync("{ regions(first: 2) { pageInfo { endCursor } } }");
        var cursor = data["regions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var (_, _, body) = await SendAsync("query($c: String) { enterprises(first: 3, after: $c) { totalCount } }", new { c = cursor });

        Assert.That(FirstError(body)["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_CURSOR"));
        AssertNoSql(body);
    }

    // ---- Global ids ------------------------------------------------------------------------------------

    [TestCase("garbage!")]
    [TestCase("")]
    [TestCase("Tm9wZTox")] // "Nope:1": no such type
    [TestCase("UmVnaW9uOmFiYw==")] // "Region:abc": no key
    [TestCase("UmVnaW9uOi0x")] // "Region:-1"
    [TestCase("UmVnaW9u")] // "Region"
    public async Task Bad_global_ids_are_refused(string id)
    {
        var (_, _, node) = await SendAsync("query($id: ID!) { node(id: $id) { id } }", new { id });
        var error = FirstError(node);
        Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ID"));
        Assert.That(error["path"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "node" }));
        AssertNoSql(node);

        // One bad id refuses the whole nodes field before any SQL.
        var good = (await _api.QueryAsync("{ regions(first: 1) { nodes { id } } }"))["regions"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var (_, _, nodes) = await SendAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { good, id } });
        Assert.That(FirstError(nodes)["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("INVALID_ID"));
        AssertNoSql(nodes);
    }

    // ---- Helpers -------------------------------------------------------------------------------------

    private async Task<(HttpStatusCode Status, string? MediaType, JsonObject Body)> SendAsync(string query, object? variables = null)
    {
        using var response = await _api.Client.PostAsJsonAsync("/graphql", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {text}");
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private async Task<string> EndCursorAsync(string order)
    {
        var data = await _api.QueryAsync($"{{ enterprises(first: 5, order: {order}) {{ pageInfo {{ endCursor }} }} }}");
        return data["enterprises"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
    }

    private static JsonObject FirstError(JsonObject body) =>
        body["errors"] is JsonArray { Count: > 0 } errors
            ? errors[0]!.AsObject()
            : throw new AssertionException($"Expected an error, got {body.ToJsonString()}");

    private static void AssertLimit(JsonObject body, string limit, int maximum, int measured)
    {
        var error = FirstError(body);
        var extensions = error["extensions"]!;
        Assert.Multiple(() =>
        {
            Assert.That(extensions["code"]!.GetValue<string>(), Is.EqualTo("LIMIT_EXCEEDED"), body.ToJsonString());
            Assert.That(extensions["limit"]?.GetValue<string>(), Is.EqualTo(limit));
            Assert.That(extensions["maximum"]?.GetValue<int>(), Is.EqualTo(maximum));
            Assert.That(extensions["measured"]?.GetValue<int>(), Is.EqualTo(measured));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(maximum.ToString()).And.Contain(measured.ToString()));
        });
    }

    /// <summary>A refusal happens before the database: the request ran no SQL (when the body reports it).</summary>
    private static void AssertNoSql(JsonObject body)
    {
        if (body["extensions"]?["sqlStatements"] is { } statements)
            Assert.That(statements.GetValue<int>(), Is.Zero, $"SQL ran for a refused request: {body.ToJsonString()}");
    }
}
