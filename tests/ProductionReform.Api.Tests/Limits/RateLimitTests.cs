using System.Net;
using static ProductionReform.Api.Tests.Limits.LimitsHttp;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>The rate limit, started with a tiny window: 429 with Retry-After and a GraphQL-shaped RATE_LIMITED error.</summary>
public sealed class RateLimitTests
{
    [Test]
    public async Task Requests_over_the_limit_answer_429_with_Retry_After_and_a_graphql_error()
    {
        await using var api = await RegistryApi.StartAsync("ratelimit", new Dictionary<string, string?>
        {
            ["Limits:RateLimit:Enabled"] = "true",
            ["Limits:RateLimit:PermitLimit"] = "3",
            ["Limits:RateLimit:Window"] = "00:01:00",
        });

        var accepted = new List<Reply>();
        for (int i = 0; i < 3; i++) accepted.Add(await api.PostAsync(new { query = "{ __typename }" }));
        var refused = await api.PostAsync(new { query = "{ __typename }" });
        var export = await api.GetAsync("/export/regions.csv");
        var health = await api.GetAsync("/healthz");

        Assert.Multiple(() =>
        {
            Assert.That(accepted.Select(r => r.Status), Has.All.EqualTo(HttpStatusCode.OK));
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Response.Headers.RetryAfter?.Delta,
                Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(refused.Response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(refused.Code, Is.EqualTo("RATE_LIMITED"), refused.Text);
            Assert.That(refused.FirstError["extensions"]!["limit"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(refused.FirstError["extensions"]!["retryAfterSeconds"]!.GetValue<int>(),
                Is.EqualTo((int)refused.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds));
            Assert.That(refused.FirstError["message"]!.GetValue<string>(), Is.Not.Empty);
            // The CSV export shares the caller's window; the health checks are not limited.
            Assert.That(export.Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(health.Status, Is.EqualTo(HttpStatusCode.OK));
        });
        AssertNoServerFault(refused);
    }
}
