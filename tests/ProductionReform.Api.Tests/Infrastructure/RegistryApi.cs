using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>The API in-process on a database of its own, with helpers to send GraphQL over real HTTP.</summary>
public sealed class RegistryApi : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly IDictionary<string, string?>? _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase;

    private RegistryApi(string connectionString, IDictionary<string, string?>? settings, Action<IServiceCollection>? services,
        bool ownsDatabase)
    {
        ConnectionString = connectionString;
        _settings = settings;
        _services = services;
        _ownsDatabase = ownsDatabase;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:Registry", connectionString);
            host.UseSetting("Diagnostics:SqlCount", "true");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) host.UseSetting(key, value);
            if (services is not null) host.ConfigureServices(services);
        });
        // HttpClient's default 100 s is too short for the 100,000-row import on a busy 2-core machine.
        Client = _factory.CreateClient();
        Client.Timeout = TimeSpan.FromMinutes(5);
    }

    public string ConnectionString { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;

    /// <param name="services">Registrations the test adds to the API's own (e.g. <see cref="RequestSqlCounts"/>).</param>
    public static async Task<RegistryApi> StartAsync(string purpose, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var connectionString = await TestDatabase.CreateAsync(purpose);
        return new RegistryApi(connectionString, settings, services, ownsDatabase: true);
    }

    /// <summary>The API in-process on a database the test made (and drops) itself, e.g. on a <see cref="ThrowawayCluster"/>.</summary>
    public static RegistryApi On(string connectionString, IDictionary<string, string?>? settings = null) =>
        new(connectionString, settings, null, ownsDatabase: false);

    /// <summary>A second API instance on this one's database (as behind a load balancer); disposing it leaves the database.</summary>
    public RegistryApi AnotherInstance() => new(ConnectionString, _settings, _services, ownsDatabase: false);

    /// <summary>POSTs a query and returns the whole response body (data, errors, extensions).</summary>
    public async Task<JsonObject> PostAsync(string query, object? variables = null)
    {
        using var response = await Client.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {body}");
    }

    /// <summary>Creates an API key (as <c>keys create</c> does) and returns its text.</summary>
    public Task<string> CreateKeyAsync(string name, ProductionReform.Domain.RegistryRole role) => CreateKeyAsync(Services, name, role);

    /// <summary>Creates an API key in the database of the API whose services these are.</summary>
    public static async Task<string> CreateKeyAsync(IServiceProvider services, string name, ProductionReform.Domain.RegistryRole role)
    {
        await using var scope = services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ProductionReform.Api.Access.ApiKeys>().CreateAsync(name, role);
        return secret;
    }

    /// <summary>POSTs a query with <c>Authorization: Bearer &lt;key&gt;</c> and returns the whole response body.</summary>
    public async Task<JsonObject> PostAsAsync(string? bearer, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {body}");
    }

    /// <summary>As <see cref="PostAsAsync"/>, for a request that must succeed; returns its <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsAsync(string? bearer, string query, object? variables = null)
    {
        var body = await PostAsAsync(bearer, query, variables);
        if (body["errors"] is JsonArray { Count: > 0 } errors)
            throw new AssertionException($"The query failed: {errors.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    /// <summary>POSTs a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonObject> QueryAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        if (body["errors"] is JsonArray { Count: > 0 } errors)
            throw new AssertionException($"The query failed: {errors.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    /// <summary>POSTs a query that must fail and returns its first error.</summary>
    public async Task<JsonObject> ErrorAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        return body["errors"] is JsonArray { Count: > 0 } errors
            ? errors[0]!.AsObject()
            : throw new AssertionException($"Expected an error, got {body.ToJsonString()}");
    }

    /// <summary>The number of SQL statements the request ran (<c>extensions.sqlStatements</c>).</summary>
    public async Task<int> SqlStatementsAsync(string query, object? variables = null)
    {
        var body = await PostAsync(query, variables);
        if (body["errors"] is JsonArray { Count: > 0 } errors)
            throw new AssertionException($"The query failed: {errors.ToJsonString()}");
        return body["extensions"]!["sqlStatements"]!.GetValue<int>();
    }

    /// <summary>The rows of a SQL query run on the test database directly, to check the API against SQL of the test's own.</summary>
    public async Task<List<object?[]>> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }
        return rows;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body = null, string contentType = "application/json", string? accept = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (accept is not null) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await Client.SendAsync(request);
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_ownsDatabase) await TestDatabase.DropAsync(ConnectionString);
    }
}
