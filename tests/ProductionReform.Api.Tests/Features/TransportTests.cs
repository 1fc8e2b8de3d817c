using System.Net;
using System.Text.RegularExpressions;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// GraphQL over HTTP against the real registry schema and database (the transport's own unit tests use a toy
/// schema): status codes, error bodies, SDL, health, GraphiQL, raw UTF-8. No answer is ever a 500 or a stack trace.
/// </summary>
public sealed partial class TransportTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("transport");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body) ?? throw new AssertionException($"Not JSON: {Body}");
    }

    /// <summary>Sends a raw request and checks what must hold of every answer: no 500, no stack trace.</summary>
    private async Task<Answer> SendAsync(HttpMethod method, string url, string? body = null,
        string contentType = "application/json", string? accept = null)
    {
        using var response = await _api.SendAsync(method, url, body, contentType, accept);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text);
        Assert.Multiple(() =>
        {
            Assert.That((int)answer.Status, Is.LessThan(500), $"{method} {url}: {text}");
            Assert.That(StackTraceLine().IsMatch(text), Is.False, $"{method} {url} leaks a stack trace: {text}");
            Assert.That(text, Does.Not.Contain("Exception:").And.Not.Contain("   at "), $"{method} {url}: {text}");
        });
        return answer;
    }

    [GeneratedRegex(@"(^|\\n|\n)\s*at [\w.<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    private static JsonObject FirstError(Answer answer)
    {
        var errors = answer.Json["errors"] as JsonArray;
        Assert.That(errors, Is.Not.Null.And.Not.Empty, $"no errors in {answer.Body}");
        return errors![0]!.AsObject();
    }

    private static string? Code(JsonObject error) => error["extensions"]?["code"]?.GetValue<string>();

    [Test]
    public async Task A_POST_query_answers_data()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ regions { totalCount } }"}""");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.MediaType, Is.EqualTo("application/json"));
            Assert.That(answer.Json["data"]!["regions"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(9));
            Assert.That(answer.Json["errors"], Is.Null);
        });
    }

    [Test]
    public async Task A_POST_asking_for_graphql_response_json_gets_it()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ regions { totalCount } }"}""", accept: GraphQLResponse);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.MediaType, Is.EqualTo(GraphQLResponse));
            Assert.That(answer.Json["data"]!["regions"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(9));
        });
    }

    [Test]
    public async Task A_GET_query_answers_data()
    {
        var answer = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{regions{totalCount}}"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Json["data"]!["regions"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(9));
        });
    }

    [Test]
    public async Task A_GET_query_with_variables_answers_data()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($n: Int){ regions(first: $n){ nodes { name } } }")
            + "&variables=" + Uri.EscapeDataString("""{"n":2}""");
        var answer = await SendAsync(HttpMethod.Get, url);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_batch_of_two_answers_an_array_of_two_in_order()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """
            [ {"query":"{ regions { totalCount } }"},
              {"query":"query($name: String!) { industries(where: { name: { eq: $name } }) { nodes { name } } }",
               "variables": {"name":"色织"}} ]
            """);

        var results = answer.Json.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(results, Has.Count.EqualTo(2));
            Assert.That(results[0]!["data"]!["regions"]!["totalCount"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(9));
            Assert.That(results[1]!["data"]!["industries"]!["nodes"]![0]!["name"]!.GetValue<string>(), Is.EqualTo("色织"));
        });
    }

    [TestCase(null)]
    [TestCase(GraphQLResponse)]
    public async Task Malformed_JSON_is_a_400_with_a_GraphQL_error_body(string? accept)
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"query": "{ regions { totalCount } }" """, accept: accept);

        var error = FirstError(answer);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error["message"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(Code(error), Is.EqualTo("INVALID_JSON"));
            Assert.That(answer.Json["data"], Is.Null);
        });
    }

    [Test]
    public async Task A_request_without_a_query_is_a_400_with_a_code()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"variables":{}}""");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Code(FirstError(answer)), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task A_wrong_content_type_is_refused_with_a_code()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", "{ regions { totalCount } }", contentType: "text/plain");

        Assert.Multiple(() =>
        {
            Assert.That((int)answer.Status, Is.AnyOf(400, 415));
            Assert.That(Code(FirstError(answer)), Is.Not.Null.And.Not.Empty);
        });
    }

    [TestCase("application/json", HttpStatusCode.OK)]
    [TestCase(GraphQLResponse, HttpStatusCode.BadRequest)]
    public async Task An_unknown_field_is_a_validation_error_naming_the_field(string accept, HttpStatusCode status)
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ regions { totalCount noSuchField } }"}""", accept: accept);

        var error = FirstError(answer);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(status));
            Assert.That(answer.MediaType, Is.EqualTo(accept));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("noSuchField"));
            Assert.That(Code(error), Is.Not.Null.And.Match("^[A-Z][A-Z0-9_]*$"));
            Assert.That(answer.Json["data"], Is.Null);
        });
    }

    [TestCase("application/json", HttpStatusCode.OK)]
    [TestCase(GraphQLResponse, HttpStatusCode.BadRequest)]
    public async Task A_variable_of_the_wrong_type_is_an_error_with_a_code(string accept, HttpStatusCode status)
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"query($n: Int){ regions(first: $n){totalCount} }","variables":{"n":"x"}}""", accept: accept);

        var error = FirstError(answer);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(status));
            Assert.That(Code(error), Is.Not.Null.And.Match("^[A-Z][A-Z0-9_]*$"));
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain("$n"));
        });
    }

    [Test]
    public async Task A_syntax_error_is_an_error_with_a_code_and_a_location()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ regions { totalCount "}""", accept: GraphQLResponse);

        var error = FirstError(answer);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Code(error), Is.Not.Null.And.Not.Empty);
            Assert.That(error["locations"]?.AsArray(), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task A_mutation_over_GET_is_refused_without_a_500()
    {
        var answer = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { x }"));

        Assert.Multiple(() =>
        {
            Assert.That((int)answer.Status, Is.AnyOf(400, 405));
            Assert.That(Code(FirstError(answer)), Is.Not.Null.And.Not.Empty);
        });
    }

    [Test]
    public async Task Another_method_is_refused_without_a_500()
    {
        var answer = await SendAsync(HttpMethod.Put, "/graphql", """{"query":"{ regions { totalCount } }"}""");

        Assert.That((int)answer.Status, Is.AnyOf(400, 405));
    }

    [Test]
    public async Task The_served_SDL_is_the_committed_schema_file()
    {
        var answer = await SendAsync(HttpMethod.Get, "/graphql/schema.graphql");
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "schema", "schema.graphql"));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Body.ReplaceLineEndings("\n").TrimEnd(), Is.EqualTo(committed.ReplaceLineEndings("\n").TrimEnd()),
                "GET /graphql/schema.graphql differs from schema/schema.graphql");
        });
    }

    [TestCase("/healthz")]
    [TestCase("/readyz")]
    public async Task Health_endpoints_answer_200(string url)
    {
        var answer = await SendAsync(HttpMethod.Get, url);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body);
    }

    [Test]
    public async Task A_browser_GET_serves_the_GraphiQL_page()
    {
        var answer = await SendAsync(HttpMethod.Get, "/graphql", accept: "text/html");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.MediaType, Is.EqualTo("text/html"));
            Assert.That(answer.Body, Does.Contain("<html").IgnoreCase);
        });
    }

    [Test]
    public async Task The_GraphiQL_page_loads_its_assets_from_this_server()
    {
        var page = await SendAsync(HttpMethod.Get, "/graphql", accept: "text/html");
        var assets = AssetReference().Matches(page.Body).Select(m => m.Groups["url"].Value).ToList();

        Assert.That(assets, Is.Not.Empty, page.Body);
        Assert.That(assets, Has.All.StartWith("/"), "the IDE must work with no internet: no CDN URLs");

        // The files themselves are fetched by scripts/web-assets (git-ignored); check them when present.
        var wwwroot = Path.Combine(RepositoryRoot(), "src", "ProductionReform.Api", "wwwroot");
        Assume.That(assets.All(a => File.Exists(Path.Combine(wwwroot, a.TrimStart('/')))), "GraphiQL assets not installed");
        foreach (var asset in assets)
        {
            var answer = await SendAsync(HttpMethod.Get, asset);
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), asset);
        }
    }

    [GeneratedRegex(@"(?:src|href)=""(?<url>[^""]+\.(?:js|css))""")]
    private static partial Regex AssetReference();

    [Test]
    public async Task Chinese_text_is_written_unescaped()
    {
        var answer = await SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ regions(where: { code: { eq: \"320600\" } }) { nodes { name } } }"}""");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Body, Does.Contain("南通市"));
            Assert.That(answer.Body, Does.Not.Contain("\\u"));
        });
    }

    [Test]
    public async Task Chinese_text_in_an_error_message_is_written_unescaped()
    {
        // An unquoted Chinese word is a syntax error whose message quotes the offending character.
        var answer = await SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ regions(where: { name: { eq: 南通 } }) { totalCount } }"}""");

        Assert.Multiple(() =>
        {
            Assert.That(Code(FirstError(answer)), Is.Not.Null.And.Not.Empty);
            Assert.That(FirstError(answer)["message"]!.GetValue<string>(), Does.Contain("南"));
            Assert.That(answer.Body, Does.Contain("南").And.Not.Contain("\\u5357"));
        });
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProductionReform.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("ProductionReform.sln not found above the test directory.");
    }
}
