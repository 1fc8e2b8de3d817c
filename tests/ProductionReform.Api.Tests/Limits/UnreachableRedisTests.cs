using System.Net;
using ProductionReform.Api.Limits;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>
/// An instance configured with a Redis that does not answer (nothing listens on the port): the rate limit is counted in the
/// instance instead, and an automatic persisted query is not kept but runs when the client sends it — never a fault.
/// (With a Redis that answers, these are shared across instances: the Topology tests, <c>scripts/test topology</c>.)
/// </summary>
public sealed class UnreachableRedisTests
{
    [Test]
    public async Task The_rate_limit_is_counted_in_the_instance_and_persisted_queries_are_resent_while_Redis_does_not_answer()
    {
        await using var api = await RegistryApi.StartAsync("redis-down", new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=500",
            ["Limits:RateLimit:Enabled"] = "true",
            ["Limits:RateLimit:PermitLimit"] = "4",
            ["Limits:RateLimit:Window"] = "00:01:00",
        });
        const string query = "query Unshared { regions(first: 1) { nodes { name } } }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = PersistedQueryStore.Hash(query) } };

        var unknown = await api.PostAsync(new { extensions });
        var sent = await api.PostAsync(new { query, extensions });
        var stillUnknown = await api.PostAsync(new { extensions });
        var last = await api.PostAsync(new { query = "{ __typename }" });
        var refused = await api.PostAsync(new { query = "{ __typename }" });

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), unknown.Text);
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(sent.Json["data"]?["regions"]?["nodes"], Is.Not.Null, sent.Text);
            Assert.That(stillUnknown.Code, Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"), stillUnknown.Text);
            Assert.That(last.Status, Is.EqualTo(HttpStatusCode.OK), last.Text);
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), refused.Text);
            Assert.That(refused.Code, Is.EqualTo("RATE_LIMITED"));
        });
        AssertNoServerFault(refused);
    }
}
