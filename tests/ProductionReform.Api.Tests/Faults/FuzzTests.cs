using System.Net.Http.Headers;
using System.Text;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>Random documents and variables from the schema (<see cref="RandomDocuments"/>) never meet an internal error or a 5xx.</summary>
public sealed class FuzzTests
{
    private const int Seed = 9_2026;
    private const int Requests = 400;

    private RegistryApi _api = null!;
    private string _editor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("fuzz");
        _editor = await _api.CreateKeyAsync("Fuzz editor", RegistryRole.Editor);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Random_documents_and_variables_never_answer_an_internal_error_or_a_5xx()
    {
        var schema = _api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var documents = new RandomDocuments(schema, Seed);
        var failures = new List<string>();
        var codes = new Dictionary<string, int>();
        for (var i = 0; i < Requests; i++)
        {
            var body = documents.Next();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _editor);
            using var response = await _api.Client.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || answer.Contains("INTERNAL_ERROR", StringComparison.Ordinal))
                failures.Add($"#{i} {(int)response.StatusCode}: {Shorten(body)}\n  → {Shorten(answer)}");
            var errors = JsonNode.Parse(answer)?["errors"] as JsonArray ?? [];
            foreach (var code in errors.Select(e => (string?)e?["extensions"]?["code"] ?? "none"))
                codes[code] = codes.GetValueOrDefault(code) + 1;
        }
        var counted = string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
        TestContext.Progress.WriteLine($"fuzz: {Requests} requests, error codes {counted}");

        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty);
            Assert.That(codes.GetValueOrDefault(StorableText.Code), Is.GreaterThan(0), "the generator sends unstorable text");
        });
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
