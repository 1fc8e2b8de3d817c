using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Mutations;

/// <summary>Who may write and read the audit trail: refusals come at validation, before anything is written.</summary>
public sealed class AuthorizationTests : MutationTestBase
{
    protected override string Purpose => "mutation_auth";

    private const string Create = """
        mutation($name: String!) { createEnterprise(input: { name: $name }) { enterprise { id version name } errors { code } } }
        """;

    private const string Update = """
        mutation($id: ID!, $version: Long!) {
          updateEnterprise(input: { id: $id, version: $version, nameEn: "Renamed" }) { enterprise { nameEn } errors { code } }
        }
        """;

    private const string Delete = """
        mutation($id: ID!, $version: Long!) { deleteEnterprise(input: { id: $id, version: $version }) { deletedId errors { code } } }
        """;

    private async Task<(string Id, long Version)> NewEnterpriseAsync(string name)
    {
        var created = await Api.QueryAsAsync(Editor, Create, new { name });
        var enterprise = created["createEnterprise"]!["enterprise"]!;
        return (enterprise["id"]!.GetValue<string>(), enterprise["version"]!.GetValue<long>());
    }

    private static void AssertRefused(JsonObject body)
    {
        Assert.That(body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>(), Is.EqualTo("AUTH_NOT_AUTHORIZED"), body.ToJsonString());
        Assert.That(body["data"], Is.Null, "a refused document is not executed");
    }

    [Test]
    public async Task Anonymous_callers_cannot_create_update_or_delete_and_nothing_is_written()
    {
        var before = await CountAsync("enterprises");
        var events = await Api.QueryAsAsync(Admin, "{ auditEventsAggregate { count } }");
        var (id, version) = await NewEnterpriseAsync("匿名测试企业");

        AssertRefused(await Api.PostAsAsync(null, Create, new { name = "匿名新建企业" }));
        AssertRefused(await Api.PostAsAsync(null, Update, new { id, version }));
        AssertRefused(await Api.PostAsAsync(null, Delete, new { id, version }));

        var enterprise = await Api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Enterprise { nameEn version } } }", new { id });
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("enterprises"), Is.EqualTo(before + 1), "only the editor's enterprise was added");
            Assert.That(enterprise["node"]!["nameEn"], Is.Null);
            Assert.That(enterprise["node"]!["version"]!.GetValue<long>(), Is.EqualTo(version));
            var after = await Api.QueryAsAsync(Admin, "{ auditEventsAggregate { count } }");
            Assert.That(after["auditEventsAggregate"]!["count"]!.GetValue<int>(),
                Is.EqualTo(events["auditEventsAggregate"]!["count"]!.GetValue<int>() + 1), "only the editor's create was audited");
        });
    }

    [TestCase(RegistryRole.Editor)]
    [TestCase(RegistryRole.Admin)]
    public async Task Editors_and_admins_create_update_and_delete(RegistryRole role)
    {
        var key = role == RegistryRole.Admin ? Admin : Editor;
        var created = await Api.QueryAsAsync(key, Create, new { name = $"角色测试企业-{role}" });
        var enterprise = created["createEnterprise"]!["enterprise"]!;
        var id = enterprise["id"]!.GetValue<string>();

        var updated = await Api.QueryAsAsync(key, Update, new { id, version = enterprise["version"]!.GetValue<long>() });
        Assert.That(updated["updateEnterprise"]!["enterprise"]!["nameEn"]!.GetValue<string>(), Is.EqualTo("Renamed"));

        var node = await Api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Enterprise { version } } }", new { id });
        var version = node["node"]!["version"]!.GetValue<long>();
        var deleted = await Api.QueryAsAsync(key, Delete, new { id, version });
        Assert.Multiple(async () =>
        {
            Assert.That(deleted["deleteEnterprise"]!["deletedId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(deleted["deleteEnterprise"]!["errors"], Is.Null);
            Assert.That((await Api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id }))["node"], Is.Null);
        });
    }

    [Test]
    public async Task A_revoked_key_is_refused()
    {
        var key = await Api.CreateKeyAsync("Departed agency", RegistryRole.Editor);
        Assert.That((await Api.QueryAsAsync(key, Create, new { name = "吊销前企业" }))["createEnterprise"]!["errors"], Is.Null);

        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProductionReform.Api.Access.ApiKeys>().RevokeAsync("Departed agency");

        AssertRefused(await Api.PostAsAsync(key, Create, new { name = "吊销后企业" }));
        Assert.That(await CountAsync("enterprises", """{ name: { eq: "吊销后企业" } }"""), Is.Zero);
    }

    [Test]
    public async Task The_audit_trail_is_for_admins_only()
    {
        const string list = "{ auditEvents(first: 1) { nodes { actor } } }";
        AssertRefused(await Api.PostAsAsync(null, list));
        AssertRefused(await Api.PostAsAsync(Editor, list));
        AssertRefused(await Api.PostAsAsync(Editor, "{ auditEventsPage { totalCount } }"));
        AssertRefused(await Api.PostAsAsync(Editor, "{ auditEventsAggregate { count } }"));
        AssertRefused(await Api.PostAsAsync(Editor, "{ enterprises(first: 1) { nodes { history { actor } } } }"));
        Assert.That((await Api.QueryAsAsync(Admin, list))["auditEvents"], Is.Not.Null);

        using var export = await Api.SendAsync(HttpMethod.Get, "/export/auditEvents.csv");
        Assert.That((int)export.StatusCode, Is.EqualTo(401));
        Assert.That(await export.Content.ReadAsStringAsync(), Does.Contain("AUTH_NOT_AUTHORIZED"));
        using var asEditor = new HttpRequestMessage(HttpMethod.Get, "/export/auditEvents.csv")
        {
            Headers = { Authorization = new("Bearer", Editor) },
        };
        Assert.That((int)(await Api.Client.SendAsync(asEditor)).StatusCode, Is.EqualTo(403));
        using var asAdmin = new HttpRequestMessage(HttpMethod.Get, "/export/auditEvents.csv")
        {
            Headers = { Authorization = new("Bearer", Admin) },
        };
        using var adminExport = await Api.Client.SendAsync(asAdmin);
        Assert.That((int)adminExport.StatusCode, Is.EqualTo(200));
    }
}
