using System.Net;
using System.Text;
using System.Text.Json;

namespace ProductionReform.Api.Tests.Limits;

/// <summary>Raw requests for the limits tests: any body, any header, the status and the body as sent.</summary>
internal static class LimitsHttp
{
    public sealed record Reply(HttpStatusCode Status, string Text, HttpResponseMessage Response)
    {
        public JsonObject Json => JsonNode.Parse(Text)?.AsObject() ?? throw new AssertionException($"Not a JSON object: {Text}");
        public JsonObject FirstError => Json["errors"] is JsonArray { Count: > 0 } errors
            ? errors[0]!.AsObject()
            : throw new AssertionException($"Expected an error, got {Text}");
        public string? Code => FirstError["extensions"]?["code"]?.GetValue<string>();
        public int? SqlStatements => Json["extensions"]?["sqlStatements"]?.GetValue<int>();
    }

    public static Task<Reply> PostAsync(this RegistryApi api, object body, IDictionary<string, string>? headers = null) =>
        api.PostTextAsync(JsonSerializer.Serialize(body), headers);

    public static async Task<Reply> PostTextAsync(this RegistryApi api, string json, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var response = await api.Client.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static async Task<Reply> GetAsync(this RegistryApi api, string url)
    {
        var response = await api.Client.GetAsync(url);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>A refusal for a limit: LIMIT_EXCEEDED naming the limit, the maximum and the measured figure, before any SQL.</summary>
    public static void AssertLimit(Reply reply, string limit, long maximum, long? measured = null)
    {
        var error = reply.FirstError;
        Assert.Multiple(() =>
        {
            Assert.That(reply.Code, Is.EqualTo("LIMIT_EXCEEDED"), reply.Text);
            Assert.That(error["extensions"]?["limit"]?.GetValue<string>(), Is.EqualTo(limit), reply.Text);
            Assert.That(error["extensions"]?["maximum"]?.GetValue<long>(), Is.EqualTo(maximum), reply.Text);
            var figure = error["extensions"]?["measured"]?.GetValue<long>();
            if (measured is { } expected) Assert.That(figure, Is.EqualTo(expected), reply.Text);
            else Assert.That(figure, Is.GreaterThan(maximum), reply.Text);
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain(figure?.ToString() ?? "?"));
            Assert.That(reply.Json["data"], Is.Null, reply.Text);
        });
        AssertNoSql(reply);
    }

    public static void AssertNoSql(Reply reply) =>
        Assert.That(reply.SqlStatements ?? 0, Is.Zero, $"SQL ran before the refusal: {reply.Text}");

    public static void AssertNoServerFault(Reply reply)
    {
        Assert.That((int)reply.Status, Is.LessThan(500), reply.Text);
        Assert.That(reply.Text, Does.Not.Contain("   at "), "a stack trace leaked");
    }
}
