using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductionReform.Api.Live;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Http;

/// <summary>
/// GET queries and exports carry an ETag of the data version: a caller holding the current one gets 304 without any SQL
/// until a write — through the API or straight into the database — changes the data; anonymous answers come from the
/// response cache until then, unless the caller asks <c>Cache-Control: no-cache</c>.
/// </summary>
public sealed class HttpCachingTests
{
    private const string Regions = "/graphql?query=" + "{ regions(first: 2, order: [{ code: ASC }]) { nodes { code name } } }";
    private const string RegionsCsv = "/export/regions.csv";

    private readonly RequestSqlCounts _sql = new();
    private RegistryApi _api = null!;
    private string _editor = null!;

    private RegistryChangeHub Hub => _api.Services.GetRequiredService<RegistryChangeHub>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("httpcache", new Dictionary<string, string?> { ["HttpCaching:ResponseCache"] = "true" },
            services => RequestSqlCounts.AddTo(services, _sql));
        _editor = await _api.CreateKeyAsync("http-cache-editor", RegistryRole.Editor);
        await ListeningAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task A_repeated_GET_is_answered_304_without_SQL_until_a_mutation_changes_the_data()
    {
        var first = await GetAsync(Regions);
        var again = await GetAsync(Regions, ifNoneMatch: first.ETag);
        await WriteAsync(() => CreateEnterpriseAsync("缓存失效企业"));
        var afterWrite = await GetAsync(Regions, ifNoneMatch: first.ETag);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Body);
            Assert.That(first.ETag, Does.StartWith("W/\""), "a weak validator");
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(again.ETag, Is.EqualTo(first.ETag));
            Assert.That(again.Sql, Is.Zero, "a 304 runs no SQL");
            Assert.That(afterWrite.Status, Is.EqualTo(HttpStatusCode.OK), afterWrite.Body);
            Assert.That(afterWrite.ETag, Is.Not.EqualTo(first.ETag));
            Assert.That(afterWrite.Body, Is.EqualTo(first.Body), "the write changed no region, only the version");
        });
    }

    [Test]
    public async Task An_UPDATE_run_straight_in_the_database_changes_the_ETag_and_the_answer()
    {
        var first = await GetAsync(Regions);
        await WriteAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(_api.ConnectionString);
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                "UPDATE regions SET name = name || '（改）' WHERE id = (SELECT id FROM regions ORDER BY code LIMIT 1)", connection);
            await update.ExecuteNonQueryAsync();
        });
        var afterWrite = await GetAsync(Regions, ifNoneMatch: first.ETag);

        Assert.Multiple(() =>
        {
            Assert.That(afterWrite.Status, Is.EqualTo(HttpStatusCode.OK), afterWrite.Body);
            Assert.That(afterWrite.ETag, Is.Not.EqualTo(first.ETag));
            Assert.That(afterWrite.Body, Does.Contain("（改）"));
        });
    }

    [Test]
    public async Task Anonymous_answers_come_from_the_response_cache_until_a_write_and_no_cache_always_runs_the_query()
    {
        const string url = "/graphql?query=" + "{ industries(first: 3, order: [{ code: ASC }]) { nodes { code } } }";
        await GetAsync(url, noCache: true);
        var hit = await GetAsync(url);
        var fresh = await GetAsync(url, noCache: true);
        await WriteAsync(() => CreateEnterpriseAsync("响应缓存失效企业"));
        var afterWrite = await GetAsync(url);
        var hitAgain = await GetAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That((hit.ResponseCache, hit.Sql, hit.Json["extensions"]!["sqlStatements"]!.GetValue<int>()), Is.EqualTo(("HIT", 0, 0)),
                hit.Body);
            Assert.That((fresh.ResponseCache, fresh.Sql), Is.EqualTo(("MISS", 1)), fresh.Body);
            Assert.That((afterWrite.ResponseCache, afterWrite.Sql), Is.EqualTo(("MISS", 1)), afterWrite.Body);
            Assert.That((hitAgain.ResponseCache, hitAgain.Sql), Is.EqualTo(("HIT", 0)), hitAgain.Body);
            Assert.That(hit.Json["data"]!.ToJsonString(), Is.EqualTo(fresh.Json["data"]!.ToJsonString()));
            Assert.That(hit.CacheControl, Is.EqualTo("public, max-age=0"));
        });
    }

    [Test]
    public async Task Authenticated_callers_get_private_answers_of_their_own_ETag_never_from_the_response_cache()
    {
        var anonymous = await GetAsync(Regions);
        var editor = await GetAsync(Regions, bearer: _editor);
        var editorAgain = await GetAsync(Regions, bearer: _editor);
        var revalidated = await GetAsync(Regions, bearer: _editor, ifNoneMatch: editor.ETag);
        var anonymousWithEditorsTag = await GetAsync(Regions, ifNoneMatch: editor.ETag);

        Assert.Multiple(() =>
        {
            Assert.That(editor.CacheControl, Is.EqualTo("private"));
            Assert.That(editor.ETag, Is.Not.Null.And.Not.EqualTo(anonymous.ETag));
            Assert.That(editor.Vary, Is.SupersetOf(new[] { "Accept", "Authorization" }));
            Assert.That((editorAgain.ResponseCache, editorAgain.Json["extensions"]!["sqlStatements"]!.GetValue<int>()),
                Is.EqualTo(((string?)null, 1)), editorAgain.Body);
            Assert.That(revalidated.Status, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(anonymousWithEditorsTag.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task An_export_is_answered_304_without_SQL_while_the_data_stands()
    {
        var first = await GetAsync(RegionsCsv);
        var again = await GetAsync(RegionsCsv, ifNoneMatch: first.ETag);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Body);
            Assert.That(first.ETag, Does.StartWith("W/\""));
            Assert.That(first.Sql, Is.GreaterThan(0));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(again.Sql, Is.Zero);
        });
    }

    [Test]
    public async Task While_the_listener_is_not_connected_nothing_is_validated_or_served_from_the_cache()
    {
        var first = await GetAsync(Regions);
        Hub.ListenerLost();
        try
        {
            var unheard = await GetAsync(Regions, ifNoneMatch: first.ETag);

            Assert.Multiple(() =>
            {
                Assert.That(unheard.Status, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(unheard.ETag, Is.Null);
                Assert.That(unheard.CacheControl, Is.EqualTo("no-store"));
                Assert.That((unheard.ResponseCache, unheard.Sql), Is.EqualTo(((string?)null, 1)), unheard.Body);
            });
        }
        finally
        {
            // The listener never lost its connection; the hub is told so again.
            Hub.ListenerConnected(Hub.Version);
        }
    }

    private async Task<Answer> GetAsync(string url, string? ifNoneMatch = null, string? bearer = null, bool noCache = false)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(RequestSqlCounts.Header, tag);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (noCache) request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        using var response = await _api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Headers.ETag?.ToString(), response.Headers.CacheControl?.ToString(),
            response.Headers.Vary.ToList(), body, _sql.Of(tag));
    }

    private Task CreateEnterpriseAsync(string name) => _api.QueryAsAsync(_editor,
        "mutation($name: String!) { createEnterprise(input: { name: $name }) { errors { code } } }", new { name });

    /// <summary>Runs a write and waits until this instance has heard of the data version it made.</summary>
    private async Task WriteAsync(Func<Task> write)
    {
        var before = Hub.Version;
        await write();
        await UntilAsync(() => Hub.Version > before, $"a data version after {before}");
    }

    private Task ListeningAsync() => UntilAsync(() => Hub.IsListening, "the change listener to connect");

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        // A bound, not a measure: the listener hears a commit within milliseconds; a minute means it never will.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited a minute for {what}.");
            await Task.Delay(10);
        }
    }

    private sealed record Answer(HttpStatusCode Status, string? ETag, string? CacheControl, List<string> Vary, string Body, int Sql)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
        public string? ResponseCache => Json["extensions"]?["responseCache"]?.GetValue<string>();
    }
}
