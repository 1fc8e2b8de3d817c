using ProductionReform.Api.Tests.Mutations;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// <c>asOf</c> answers the registry as it stood at an instant, rebuilt from the audit trail: a record's fields before a
/// later update, absent before its creation, present before its deletion — and refuses what it cannot answer exactly.
/// </summary>
public sealed class AsOfTests : MutationTestBase
{
    private const string Past = """
        query($id: ID!, $at: DateTimeOffset, $name: String!) {
          node(id: $id, asOf: $at) { ... on Enterprise { name nameEn employeeCount } }
          enterprises(asOf: $at, where: { name: { eq: $name } }) { totalCount nodes { id nameEn } }
          enterprisesPage(asOf: $at, where: { name: { eq: $name } }) { items { id } }
        }
        """;

    protected override string Purpose => "as_of";

    [Test]
    public async Task Before_an_update_the_fields_read_as_they_were_and_filters_apply_to_those_values()
    {
        const string name = "时间旅行更新企业";
        var created = await SucceedAsync(Editor, "createEnterprise", new { name, nameEn = "Before", employeeCount = 10 },
            "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        var between = DateTimeOffset.UtcNow;
        await SucceedAsync(Editor, "updateEnterprise",
            new { id, version = created["enterprise"]!["version"]!.GetValue<long>(), nameEn = "After", employeeCount = 20 },
            "enterprise { id }");

        var then = await Api.QueryAsync(Past, new { id, at = between, name });
        var now = await Api.QueryAsync(Past, new { id, at = (DateTimeOffset?)null, name });
        var filtered = await Api.QueryAsync("""
            query($at: DateTimeOffset) { enterprises(asOf: $at, where: { nameEn: { eq: "Before" } }) { nodes { name } } }
            """, new { at = between });

        Assert.Multiple(() =>
        {
            Assert.That(then["node"]!["nameEn"]!.GetValue<string>(), Is.EqualTo("Before"), then.ToJsonString());
            Assert.That(then["node"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(10), then.ToJsonString());
            Assert.That(then["enterprises"]!["nodes"]![0]!["nameEn"]!.GetValue<string>(), Is.EqualTo("Before"), then.ToJsonString());
            Assert.That(now["node"]!["nameEn"]!.GetValue<string>(), Is.EqualTo("After"), now.ToJsonString());
            Assert.That(filtered["enterprises"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()), Does.Contain(name));
        });
    }

    [Test]
    public async Task Before_its_creation_a_record_is_absent()
    {
        const string name = "时间旅行新建企业";
        var before = DateTimeOffset.UtcNow;
        var created = await SucceedAsync(Editor, "createEnterprise", new { name }, "enterprise { id }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();

        var then = await Api.QueryAsync(Past, new { id, at = before, name });
        var now = await Api.QueryAsync(Past, new { id, at = DateTimeOffset.UtcNow, name });

        Assert.Multiple(() =>
        {
            Assert.That(then["node"], Is.Null, then.ToJsonString());
            Assert.That(then["enterprises"]!["totalCount"]!.GetValue<int>(), Is.Zero, then.ToJsonString());
            Assert.That(then["enterprisesPage"]!["items"]!.AsArray(), Is.Empty, then.ToJsonString());
            Assert.That(now["node"]!["name"]!.GetValue<string>(), Is.EqualTo(name), now.ToJsonString());
            Assert.That(now["enterprises"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(1), now.ToJsonString());
        });
    }

    [Test]
    public async Task Before_its_deletion_a_record_is_present_as_it_was()
    {
        const string name = "时间旅行删除企业";
        var created = await SucceedAsync(Editor, "createEnterprise", new { name, nameEn = "Deleted later", employeeCount = 7 },
            "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        var before = DateTimeOffset.UtcNow;
        await SucceedAsync(Editor, "deleteEnterprise", new { id, version = created["enterprise"]!["version"]!.GetValue<long>() },
            "deletedId");

        var then = await Api.QueryAsync(Past, new { id, at = before, name });
        var now = await Api.QueryAsync(Past, new { id, at = (DateTimeOffset?)null, name });

        Assert.Multiple(() =>
        {
            Assert.That(then["node"]!["nameEn"]!.GetValue<string>(), Is.EqualTo("Deleted later"), then.ToJsonString());
            Assert.That(then["node"]!["employeeCount"]!.GetValue<int>(), Is.EqualTo(7), then.ToJsonString());
            Assert.That(then["enterprises"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Is.EqualTo(new[] { id }));
            Assert.That(now["node"], Is.Null, now.ToJsonString());
            Assert.That(now["enterprises"]!["totalCount"]!.GetValue<int>(), Is.Zero, now.ToJsonString());
        });
    }

    [Test]
    public async Task A_record_the_audit_trail_never_saw_reads_as_it_stands_and_one_list_costs_one_statement()
    {
        var at = DateTimeOffset.UtcNow.AddYears(-10);
        const string query = "query($at: DateTimeOffset) { regions(asOf: $at, first: 3, order: [{ code: ASC }]) { nodes { code name } } }";

        var then = await Api.PostAsync(query, new { at });
        var now = await Api.PostAsync(query, new { at = (DateTimeOffset?)null });

        Assert.Multiple(() =>
        {
            Assert.That(then["errors"], Is.Null, then.ToJsonString());
            Assert.That(then["data"]!.ToJsonString(), Is.EqualTo(now["data"]!.ToJsonString()));
            Assert.That(then["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.EqualTo(1), then.ToJsonString());
        });
    }

    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\", first: 1) { nodes { industry { name } } } }", "industry")]
    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\", first: 1) { nodes { studios { totalCount } } } }", "studios")]
    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\", where: { industry: { code: { eq: \"TEXTILE\" } } }) { totalCount } }",
        "industry")]
    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\", order: [{ industry: { name: ASC } }]) { totalCount } }", "industry")]
    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\", where: { not: { industry: { code: { eq: \"TEXTILE\" } } } }) { totalCount } }",
        "industry")]
    [TestCase("{ enterprises(asOf: \"2020-01-01T00:00:00Z\") { aggregate { count } } }", "aggregate")]
    public async Task What_the_audit_trail_cannot_answer_exactly_is_refused_before_any_SQL(string query, string field)
    {
        var body = await Api.PostAsync(query);
        var error = body["errors"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(error["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("AS_OF_UNSUPPORTED"), body.ToJsonString());
            Assert.That(error["message"]!.GetValue<string>(), Does.Contain($"'{field}'"));
            Assert.That(body["extensions"]!["sqlStatements"]!.GetValue<int>(), Is.Zero, body.ToJsonString());
        });
    }

    [Test]
    public async Task The_audit_trail_itself_takes_no_asOf()
    {
        var list = await Api.PostAsAsync(Admin, "{ auditEvents(asOf: \"2020-01-01T00:00:00Z\") { totalCount } }");
        var events = await Api.QueryAsAsync(Admin, "{ auditEvents(first: 1) { nodes { id } } }");
        var node = await Api.PostAsAsync(Admin, "query($id: ID!) { node(id: $id, asOf: \"2020-01-01T00:00:00Z\") { id } }",
            new { id = events["auditEvents"]!["nodes"]![0]!["id"]!.GetValue<string>() });

        Assert.Multiple(() =>
        {
            Assert.That(list["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("KNOWN_ARGUMENT_NAMES"),
                list.ToJsonString());
            Assert.That(node["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), Is.EqualTo("AS_OF_UNSUPPORTED"),
                node.ToJsonString());
        });
    }
}
