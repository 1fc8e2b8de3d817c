using ProductionReform.Api.Tests.Limits;

namespace ProductionReform.Api.Tests;

/// <summary>
/// What GraphiQL and code generators do first: read the schema by introspection and build it. Every type a
/// field, argument, interface or union names must be among the types listed, or they refuse the schema.
/// </summary>
public sealed class IntrospectionTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("introspection");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Every_type_the_schema_names_is_listed_by_introspection()
    {
        var schema = (await _api.QueryAsync(LimitsTests.IntrospectionQuery))["__schema"]!;
        var types = schema["types"]!.AsArray();
        var listed = types.Select(t => t!["name"]!.GetValue<string>()).ToHashSet();

        var named = new List<(string Where, string Type)>();
        foreach (var type in types)
        {
            var owner = type!["name"]!.GetValue<string>();
            foreach (var field in Items(type["fields"]).Concat(Items(type["inputFields"])))
            {
                named.Add(($"{owner}.{field["name"]}", Named(field["type"]!)));
                named.AddRange(Items(field["args"]).Select(a => ($"{owner}.{field["name"]}({a["name"]})", Named(a["type"]!))));
            }
            named.AddRange(Items(type["interfaces"]).Concat(Items(type["possibleTypes"]))
                .Select(t => (owner, t["name"]!.GetValue<string>())));
        }

        Assert.That(named.Where(n => !listed.Contains(n.Type)).Select(n => $"{n.Where} → {n.Type}"), Is.Empty);
    }

    private static IEnumerable<JsonNode> Items(JsonNode? list) => list is JsonArray array ? array.OfType<JsonNode>() : [];

    private static string Named(JsonNode type) => type["name"]?.GetValue<string>() ?? Named(type["ofType"]!);
}
