using System.Net;

namespace ProductionReform.Api.Tests.Http;

/// <summary>
/// <c>Hosting:ForwardedHeaders</c>: behind a proxy the client's address comes from <c>X-Forwarded-For</c>, so the rate
/// limit counts each client rather than the proxy; off by default, when the header is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Test]
    public async Task Behind_a_trusted_proxy_the_rate_limit_counts_each_forwarded_client()
    {
        await using var api = await RegistryApi.StartAsync("forwarded", Settings(forwardedHeaders: true));

        var first = await PostFromAsync(api, "203.0.113.1");
        var again = await PostFromAsync(api, "203.0.113.1");
        var other = await PostFromAsync(api, "203.0.113.2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(other, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task By_default_X_Forwarded_For_is_ignored()
    {
        await using var api = await RegistryApi.StartAsync("notforwarded", Settings(forwardedHeaders: false));

        var first = await PostFromAsync(api, "203.0.113.1");
        var other = await PostFromAsync(api, "203.0.113.2");

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(other, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });
    }

    private static Dictionary<string, string?> Settings(bool forwardedHeaders) => new()
    {
        ["Limits:RateLimit:Enabled"] = "true",
        ["Limits:RateLimit:PermitLimit"] = "1",
        ["Limits:RateLimit:Window"] = "00:01:00",
        ["Hosting:ForwardedHeaders:Enabled"] = forwardedHeaders ? "true" : "false",
    };

    private static async Task<HttpStatusCode> PostFromAsync(RegistryApi api, string clientAddress)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        using var response = await api.Client.SendAsync(request);
        return response.StatusCode;
    }
}
