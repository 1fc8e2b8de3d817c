using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProductionReform.Api.Http;

namespace ProductionReform.Api.Tests.Http;

[TestFixture]
public sealed class GraphQLHttpEndpointTests
{
    private const string GraphQLResponseJson = "application/graphql-response+json";

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private CapturingLoggerProvider _logs = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        (_app, _logs) = await StartHostAsync();
        _client = _app.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    // ---- POST / GET / batch ------------------------------------------------------------------

    [Test]
    public async Task Post_query_answers_data_as_application_json()
    {
        using var response = await PostJsonAsync("""{"query":"{ hello }"}""");
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
        Assert.That(body.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(body.TryGetProperty("errors", out _), Is.False);
    }

    [Test]
    public async Task Post_with_variables_and_operation_name()
    {
        using var response = await PostJsonAsync("""
            {"query":"query A { hello } query B($t: String!) { echo(text: $t) }",
             "operationName":"B", "variables":{"t":"hi"}, "extensions":{}}
            """);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetProperty("echo").GetString(), Is.EqualTo("hi"));
    }

    [Test]
    public async Task Post_mutation_is_executed()
    {
        using var response = await PostJsonAsync("""{"query":"mutation { noop }"}""");
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetProperty("noop").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Get_query_answers_data()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query($t: String!) { hello echo(text: $t) }")
            + "&variables=" + Uri.EscapeDataString("""{"t":"x"}""");
        using var response = await _client.GetAsync(url);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(body.GetProperty("data").GetProperty("echo").GetString(), Is.EqualTo("x"));
    }

    [Test]
    public async Task Batch_is_answered_with_an_array_in_order()
    {
        using var response = await PostJsonAsync("""
            [{"query":"{ hello }"},
             {"query":"query($t: String!) { echo(text: $t) }","variables":{"t":"second"}},
             {"variables":{}}]
            """);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(body.GetArrayLength(), Is.EqualTo(3));
        Assert.That(body[0].GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(body[1].GetProperty("data").GetProperty("echo").GetString(), Is.EqualTo("second"));
        Assert.That(ErrorCode(body[2]), Is.EqualTo(ErrorCodes.QueryMissing));
    }

    [Test]
    public async Task Batch_larger_than_the_maximum_is_refused()
    {
        var batch = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ hello }"}""", 26)) + "]";
        using var response = await PostJsonAsync(batch);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.BatchTooLarge));
        Assert.That(ErrorMessage(body), Does.Contain("26").And.Contain("25"));
    }

    // ---- methods ----------------------------------------------------------------------------

    [Test]
    public async Task Get_mutation_is_refused_with_405_and_Allow_POST()
    {
        using var response = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { noop }"));
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.HttpMethodNotAllowed));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
    }

    [Test]
    public async Task Get_selects_the_named_operation_before_deciding()
    {
        const string document = "query Q { hello } mutation M { noop }";
        using var query = await _client.GetAsync("/graphql?operationName=Q&query=" + Uri.EscapeDataString(document));
        using var mutation = await _client.GetAsync("/graphql?operationName=M&query=" + Uri.EscapeDataString(document));

        Assert.That(query.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadJsonAsync(query)).GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(mutation.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Other_methods_are_refused_with_405()
    {
        using var response = await _client.PutAsync("/graphql", JsonContent("""{"query":"{ hello }"}"""));
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.HttpMethodNotAllowed));
    }

    // ---- malformed requests ---------------------------------------------------------------

    [TestCase("""{"query": "{ hello }" """)]
    [TestCase("not json at all")]
    [TestCase("")]
    public async Task Bad_json_is_400_INVALID_JSON(string payload)
    {
        using var response = await PostJsonAsync(payload);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.InvalidJson));
    }

    [TestCase("42")]
    [TestCase("\"{ hello }\"")]
    [TestCase("""{"query": 42}""")]
    [TestCase("""{"query": "{ hello }", "operationName": 1}""")]
    public async Task Json_that_is_not_a_request_is_400_INVALID_REQUEST(string payload)
    {
        using var response = await PostJsonAsync(payload);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.InvalidRequest));
    }

    [TestCase("""{}""")]
    [TestCase("""{"query": null}""")]
    [TestCase("""{"query": "  "}""")]
    [TestCase("""{"variables": {"a": 1}}""")]
    public async Task Missing_query_is_400_QUERY_MISSING(string payload)
    {
        using var response = await PostJsonAsync(payload);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.QueryMissing));
        Assert.That(ErrorMessage(body), Does.Contain("query"));
    }

    [Test]
    public async Task Get_without_query_from_a_non_browser_is_400_QUERY_MISSING()
    {
        using var response = await _client.GetAsync("/graphql");
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.QueryMissing));
    }

    [TestCase("""{"query": "{ hello }", "variables": [1, 2]}""")]
    [TestCase("""{"query": "{ hello }", "variables": "{\"t\": 1}"}""")]
    [TestCase("""{"query": "{ hello }", "variables": 3}""")]
    public async Task Variables_that_are_not_an_object_are_400_INVALID_VARIABLES(string payload)
    {
        using var response = await PostJsonAsync(payload);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.InvalidVariables));
    }

    [TestCase("[1]")]
    [TestCase("not-json")]
    public async Task Get_variables_that_are_not_a_json_object_are_400_INVALID_VARIABLES(string variables)
    {
        using var response = await _client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ hello }")
            + "&variables=" + Uri.EscapeDataString(variables));
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.InvalidVariables));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=latin1")]
    public async Task Unsupported_content_type_is_415(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await _client.PostAsync("/graphql", content);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.UnsupportedMediaType));
    }

    // ---- content negotiation ----------------------------------------------------------------

    [Test]
    public async Task Accept_graphql_response_json_and_a_validation_error_is_400()
    {
        using var response = await PostJsonAsync("""{"query":"{ noSuchField }"}""", GraphQLResponseJson);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(GraphQLResponseJson));
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
        Assert.That(ErrorMessage(body), Does.Contain("noSuchField"));
    }

    [Test]
    public async Task Accept_graphql_response_json_and_a_syntax_error_over_GET_is_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ hello "));
        request.Headers.Accept.ParseAdd(GraphQLResponseJson);
        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(GraphQLResponseJson));
    }

    [Test]
    public async Task Accept_graphql_response_json_and_a_valid_query_is_200()
    {
        using var response = await PostJsonAsync("""{"query":"{ hello }"}""", $"{GraphQLResponseJson}, application/json;q=0.9");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(GraphQLResponseJson));
    }

    [TestCase("application/json")]
    [TestCase("*/*")]
    [TestCase(null)]
    public async Task Accept_application_json_and_a_validation_error_is_200(string? accept)
    {
        using var response = await PostJsonAsync("""{"query":"{ noSuchField }"}""", accept);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(ErrorMessage(body), Does.Contain("noSuchField"));
    }

    [Test]
    public async Task Accept_prefers_the_higher_quality()
    {
        using var response = await PostJsonAsync("""{"query":"{ hello }"}""", $"application/json, {GraphQLResponseJson};q=0.5");

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [TestCase("text/plain")]
    [TestCase("application/xml, text/csv")]
    public async Task Accept_that_admits_neither_format_is_406(string accept)
    {
        using var response = await PostJsonAsync("""{"query":"{ hello }"}""", accept);
        var body = await ReadJsonAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(ErrorCode(body), Is.EqualTo(ErrorCodes.NotAcceptable));
    }

    // ---- text and errors --------------------------------------------------------------------

    [Test]
    public async Task Chinese_text_is_written_unescaped()
    {
        using var response = await PostJsonAsync("""{"query":"{ echo(text: \"生产型服务业 改革\") }"}""");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(raw, Does.Contain("生产型服务业 改革"));
        Assert.That(raw, Does.Not.Contain("\\u"));
    }

    [Test]
    public async Task Resolver_exception_is_INTERNAL_ERROR_with_a_correlation_id_and_no_details()
    {
        using var response = await PostJsonAsync("""{"query":"{ hello boom }"}""", GraphQLResponseJson);
        var raw = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(raw).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the operation executed; data is partial");
        Assert.That(body.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(body.GetProperty("data").GetProperty("boom").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var error = body.GetProperty("errors")[0];
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("An internal error occurred."));
        Assert.That(error.GetProperty("extensions").GetProperty("code").GetString(), Is.EqualTo("INTERNAL_ERROR"));
        Assert.That(error.GetProperty("path")[0].GetString(), Is.EqualTo("boom"));
        var correlationId = error.GetProperty("extensions").GetProperty("correlationId").GetString();
        Assert.That(correlationId, Is.Not.Null.And.Not.Empty);

        Assert.That(raw, Does.Not.Contain("Secret detail"));
        Assert.That(raw, Does.Not.Contain("InvalidOperation").And.Not.Contain("INVALID_OPERATION"));
        Assert.That(raw, Does.Not.Contain(" at "));

        var logged = _logs.Entries.Where(e => e.Exception?.Message == "Secret detail of the boom resolver").ToList();
        Assert.That(logged, Is.Not.Empty, "the exception is logged");
        Assert.That(logged[0].Level, Is.EqualTo(LogLevel.Error));
        Assert.That(logged[0].Message, Does.Contain(correlationId));
    }

    [Test]
    public async Task Execution_errors_thrown_on_purpose_keep_their_message_and_code()
    {
        using var response = await PostJsonAsync("""{"query":"{ refused }"}""");
        var body = await ReadJsonAsync(response);

        Assert.That(ErrorMessage(body), Is.EqualTo("Refused on purpose."));
        Assert.That(ErrorCode(body), Is.EqualTo("REFUSED"));
    }

    // ---- schema and GraphiQL -------------------------------------------------------------

    [Test]
    public async Task Schema_sdl_is_served_as_text()
    {
        using var response = await _client.GetAsync("/graphql/schema.graphql");
        var sdl = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
        Assert.That(sdl, Does.Contain("type Query"));
        Assert.That(sdl, Does.Contain("echo(text: String!): String"));
        Assert.That(sdl, Does.Contain("type Mutation"));
    }

    [Test]
    public async Task Browser_GET_without_query_gets_an_html_page_even_without_the_assets()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("missing"));
        Assert.That(html, Does.Contain("/graphql/schema.graphql"));
    }

    [Test]
    public async Task Browser_GET_with_a_query_gets_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ hello }"));
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Browser_GET_serves_graphiql_index_html_from_the_content_root()
    {
        var contentRoot = Directory.CreateTempSubdirectory("graphql-http-tests-");
        try
        {
            Directory.CreateDirectory(Path.Combine(contentRoot.FullName, "graphiql"));
            await File.WriteAllTextAsync(Path.Combine(contentRoot.FullName, "graphiql", "index.html"),
                "<!DOCTYPE html><title>GraphiQL 测试</title>");
            var (app, _) = await StartHostAsync(contentRoot.FullName);
            await using (app)
            {
                using var client = app.GetTestClient();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
                request.Headers.Accept.ParseAdd("text/html");
                using var response = await client.SendAsync(request);

                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("<!DOCTYPE html><title>GraphiQL 测试</title>"));
            }
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static async Task<(WebApplication App, CapturingLoggerProvider Logs)> StartHostAsync(string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseTestServer();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddGraphQL(b => b.AddSchema<TestSchema>().AddGraphQLHttp());

        var app = builder.Build();
        app.MapGraphQLHttp();
        await app.StartAsync();
        return (app, logs);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string json, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent(json) };
        if (accept != null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _client.SendAsync(request);
    }

    private static ByteArrayContent JsonContent(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.That(raw, Does.Not.Contain("   at "), "no stack trace in a response");
        return JsonDocument.Parse(raw).RootElement.Clone();
    }

    private static string? ErrorCode(JsonElement body)
        => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();

    private static string? ErrorMessage(JsonElement body)
        => body.GetProperty("errors")[0].GetProperty("message").GetString();

    // ---- the test schema -------------------------------------------------------------------

    private sealed class TestQuery : ObjectGraphType
    {
        public TestQuery()
        {
            Name = "Query";
            Field<StringGraphType>("hello").Resolve(_ => "world");
            Field<StringGraphType>("echo")
                .Argument<NonNullGraphType<StringGraphType>>("text")
                .Resolve(context => context.GetArgument<string>("text"));
            Field<StringGraphType>("boom")
                .Resolve(_ => throw new InvalidOperationException("Secret detail of the boom resolver"));
            Field<StringGraphType>("refused")
                .Resolve(_ => throw new ExecutionError("Refused on purpose.") { Code = "REFUSED" });
        }
    }

    private sealed class TestMutation : ObjectGraphType
    {
        public TestMutation()
        {
            Name = "Mutation";
            Field<BooleanGraphType>("noop").Resolve(_ => true);
        }
    }

    private sealed class TestSchema : global::GraphQL.Types.Schema
    {
        public TestSchema(IServiceProvider services)
            : base(services)
        {
            Query = new TestQuery();
            Mutation = new TestMutation();
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
                => provider.Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
        }
    }

    private sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
}
