using System.Net;
using System.Text.Json;
using ProductionReform.Api.Limits;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>
/// Apollo automatic persisted queries (register by hash and query, then send the hash alone, by POST or GET),
/// and the allow-list mode that accepts only the registered operations.
/// </summary>
public sealed class PersistedQueryTests
{
    private const string Query = "query Regions { regions(first: 2, order: [{ name: ASC }]) { nodes { name } } }";
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("apq");

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private static object Persisted(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    [Test]
    public async Task An_unknown_hash_is_not_found_then_registered_with_its_query_then_found()
    {
        var query = Query.Replace("first: 2", "first: 3");
        var hash = PersistedQueryStore.Hash(query);

        var miss = await _api.PostAsync(new { extensions = Persisted(hash) });
        Assert.Multiple(() =>
        {
            Assert.That(miss.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(miss.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), miss.Text);
            Assert.That(miss.FirstError["message"]!.GetValue<string>(), Is.EqualTo("PersistedQueryNotFound"));
            Assert.That(miss.Json["data"], Is.Null);
        });
        AssertNoSql(miss);

        var register = await _api.PostAsync(new { query, extensions = Persisted(hash) });
        var hit = await _api.PostAsync(new { extensions = Persisted(hash) });

        Assert.Multiple(() =>
        {
            Assert.That(register.Json["errors"], Is.Null, register.Text);
            Assert.That(hit.Json["errors"], Is.Null, hit.Text);
            Assert.That(hit.Json["data"]!.ToJsonString(), Is.EqualTo(register.Json["data"]!.ToJsonString()));
            Assert.That(hit.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task A_GET_can_send_the_hash_alone()
    {
        var hash = PersistedQueryStore.Hash(Query);
        var url = "/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Persisted(hash)));

        var miss = await _api.GetAsync(url);
        var register = await _api.GetAsync(url + "&query=" + Uri.EscapeDataString(Query));
        var hit = await _api.GetAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That(miss.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), miss.Text);
            Assert.That(register.Json["errors"], Is.Null, register.Text);
            Assert.That(hit.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(hit.Json["errors"], Is.Null, hit.Text);
            Assert.That(hit.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_mutation_stored_by_hash_is_still_refused_over_GET()
    {
        const string mutation = "mutation { __typename }";
        var hash = PersistedQueryStore.Hash(mutation);
        await _api.PostAsync(new { query = mutation, extensions = Persisted(hash) });

        var reply = await _api.GetAsync("/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Persisted(hash))));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.MethodNotAllowed), reply.Text);
        Assert.That(reply.Code, Is.EqualTo("HTTP_METHOD_NOT_ALLOWED"), reply.Text);
    }

    [Test]
    public async Task A_hash_that_is_not_the_query_s_is_refused()
    {
        var wrong = PersistedQueryStore.Hash("{ __typename }");
        var reply = await _api.PostAsync(new { query = Query, extensions = Persisted(wrong) });
        var later = await _api.PostAsync(new { extensions = Persisted(wrong) });

        Assert.Multiple(() =>
        {
            Assert.That(reply.Code, Is.EqualTo("PERSISTED_QUERY_HASH_MISMATCH"), reply.Text);
            Assert.That(reply.FirstError["extensions"]?["expected"]?.GetValue<string>(), Is.EqualTo(PersistedQueryStore.Hash(Query)));
            Assert.That(reply.Json["data"], Is.Null);
            // Nothing was stored under the wrong hash.
            Assert.That(later.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), later.Text);
        });
        AssertNoSql(reply);
    }

    [TestCase("""{"persistedQuery":{"version":2,"sha256Hash":"00"}}""", TestName = "Persisted query: unknown version")]
    [TestCase("""{"persistedQuery":{"version":1,"sha256Hash":"not-hex"}}""", TestName = "Persisted query: not a hash")]
    [TestCase("""{"persistedQuery":"abc"}""", TestName = "Persisted query: not an object")]
    public async Task A_malformed_persisted_query_is_refused_with_a_code(string extensions)
    {
        var reply = await _api.PostTextAsync($$"""{"extensions":{{extensions}}}""");
        AssertNoServerFault(reply);
        Assert.That(reply.Code, Is.EqualTo("PERSISTED_QUERY_INVALID"), reply.Text);
    }

    [Test]
    public async Task In_allow_list_mode_only_registered_operations_run()
    {
        const string registered = "query Named($n: Int) { regions(first: $n) { nodes { name } } }";
        var manifest = Path.Combine(Path.GetTempPath(), $"operations-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new
        {
            format = "apollo-persisted-query-manifest",
            version = 1,
            operations = new[] { new { id = PersistedQueryStore.Hash(registered), name = "Named", type = "query", body = registered } },
        }));
        try
        {
            await using var api = await RegistryApi.StartAsync("apq_allow", new Dictionary<string, string?>
            {
                ["PersistedQueries:AllowOnlyRegistered"] = "true",
                ["PersistedQueries:RegisteredPath"] = manifest,
            });
            var hash = PersistedQueryStore.Hash(registered);

            var byHash = await api.PostAsync(new { extensions = Persisted(hash), variables = new { n = 1 } });
            var byDocumentId = await api.PostAsync(new { documentId = "sha256:" + hash, variables = new { n = 2 } });
            var byText = await api.PostAsync(new { query = registered, variables = new { n = 1 } });
            var adHoc = await api.PostAsync(new { query = "{ regions { totalCount } }" });
            var unknownHash = await api.PostAsync(new { extensions = Persisted(PersistedQueryStore.Hash("{ x }")) });
            var newRegistration = await api.PostAsync(
                new { query = "{ __typename }", extensions = Persisted(PersistedQueryStore.Hash("{ __typename }")) });
            var get = await api.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ __typename }"));

            Assert.Multiple(() =>
            {
                Assert.That(byHash.Json["errors"], Is.Null, byHash.Text);
                Assert.That(byHash.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(1));
                Assert.That(byDocumentId.Json["data"]!["regions"]!["nodes"]!.AsArray(), Has.Count.EqualTo(2), byDocumentId.Text);
                Assert.That(byText.Json["errors"], Is.Null, byText.Text);
                foreach (var refused in new[] { adHoc, unknownHash, newRegistration, get })
                {
                    Assert.That(refused.Code, Is.EqualTo("PERSISTED_QUERY_NOT_ALLOWED"), refused.Text);
                    Assert.That(refused.Json["data"], Is.Null);
                    Assert.That(refused.SqlStatements ?? 0, Is.Zero);
                }
            });
        }
        finally
        {
            File.Delete(manifest);
        }
    }
}
