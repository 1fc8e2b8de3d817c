using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Mutations;

/// <summary>A registry of its own with an EDITOR and an ADMIN key, and helpers for mutations and lookups.</summary>
public abstract class MutationTestBase
{
    protected RegistryApi Api { get; private set; } = null!;
    protected string Editor { get; private set; } = null!;
    protected string Admin { get; private set; } = null!;

    protected abstract string Purpose { get; }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Api = await RegistryApi.StartAsync(Purpose);
        Editor = await Api.CreateKeyAsync("Nantong FTU", RegistryRole.Editor);
        Admin = await Api.CreateKeyAsync("Registry admin", RegistryRole.Admin);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await Api.DisposeAsync();

    /// <summary>A valid credit code: the 17 characters given plus their GB 32100-2015 check character.</summary>
    protected static string CreditCodeFor(string first17) => first17 + CreditCode.CheckCharacter(first17);

    /// <summary>Runs <c>mutation(input: $input) { … }</c> and returns the payload (errors of the request fail the test).</summary>
    protected async Task<JsonObject> MutateAsync(string? key, string mutation, object input, string selection)
    {
        var data = await Api.QueryAsAsync(key, $$"""
            mutation($input: {{char.ToUpperInvariant(mutation[0]) + mutation[1..]}}Input!) {
              {{mutation}}(input: $input) { {{selection}} errors { field code message } warnings { field code message } }
            }
            """, new { input });
        return data[mutation]!.AsObject();
    }

    /// <summary>The payload must have no errors; returns it.</summary>
    protected async Task<JsonObject> SucceedAsync(string? key, string mutation, object input, string selection)
    {
        var payload = await MutateAsync(key, mutation, input, selection);
        Assert.That(payload["errors"], Is.Null, $"{mutation} was refused: {payload.ToJsonString()}");
        return payload;
    }

    /// <summary>The payload's errors as (field, code) pairs.</summary>
    protected static List<(string? Field, string Code)> Errors(JsonObject payload) =>
        payload["errors"] is JsonArray errors
            ? errors.Select(e => (e!["field"]?.GetValue<string>(), e["code"]!.GetValue<string>())).ToList()
            : [];

    protected static string Message(JsonObject payload, int index = 0) => payload["errors"]![index]!["message"]!.GetValue<string>();

    /// <summary>The id and version of the first row of a root list matching <paramref name="where"/>.</summary>
    protected async Task<(string Id, long Version)> FindAsync(string list, string where)
    {
        var data = await Api.QueryAsync($"{{ {list}(where: {where}, first: 1) {{ nodes {{ id version }} }} }}");
        var node = data[list]!["nodes"]!.AsArray().Single()!;
        return (node["id"]!.GetValue<string>(), node["version"]!.GetValue<long>());
    }

    protected async Task<int> CountAsync(string list, string where = "{}") =>
        (await Api.QueryAsync($"{{ {list}(where: {where}) {{ totalCount }} }}"))[list]!["totalCount"]!.GetValue<int>();
}
