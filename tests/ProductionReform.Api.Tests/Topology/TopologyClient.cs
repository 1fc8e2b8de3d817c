using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ProductionReform.Api.Tests.Topology;

/// <summary>Plain HTTP to an instance or a HAProxy frontend, one request at a time, with no connection kept between them.</summary>
public static class TopologyClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero })
    {
        Timeout = TimeSpan.FromMinutes(1),
    };

    /// <summary>POSTs a GraphQL request (<c>query</c>, <c>variables</c>, <c>extensions</c>) with a bearer key when given.</summary>
    public static Task<TopologyAnswer> PostAsync(Uri address, object request, string? bearer = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/graphql")) { Content = JsonContent.Create(request) };
        if (bearer is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return SendAsync(message);
    }

    /// <summary>GETs a query, with <c>If-None-Match</c> when given.</summary>
    public static Task<TopologyAnswer> GetAsync(Uri address, string query, string? ifNoneMatch = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/graphql?query=" + Uri.EscapeDataString(query)));
        if (ifNoneMatch is not null) message.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return SendAsync(message);
    }

    private static async Task<TopologyAnswer> SendAsync(HttpRequestMessage message)
    {
        using (message)
        {
            using var response = await Http.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var instance = response.Headers.TryGetValues("X-Instance", out var names) ? names.Single() : null;
            return new TopologyAnswer(response.StatusCode, instance, response.Headers.ETag?.ToString(),
                text.Length == 0 ? null : JsonNode.Parse(text)?.AsObject());
        }
    }
}
