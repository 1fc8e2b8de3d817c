namespace ProductionReform.Api.Tests.Mutations;

/// <summary>
/// Every maintained entity is created, updated and deleted through the same generic mutations, and each write is audited.
/// </summary>
public sealed class EveryEntityTests : MutationTestBase
{
    protected override string Purpose => "mutation_every";

    private Dictionary<string, string> _ids = null!;

    [OneTimeSetUp]
    public async Task LookUpAsync()
    {
        var data = await Api.QueryAsync("""
            {
              industries(where: { code: { eq: "TEXTILE" } }) { nodes { id } }
              regions(where: { name: { eq: "南通市" } }) { nodes { id } }
              enterprises(where: { name: { eq: "中天科技" } }) { nodes { id } }
              pilotPrograms(where: { code: { eq: "TEXTILE_PILOT" } }) { nodes { id } }
              sources(first: 1) { nodes { id } }
              citations(first: 1) { nodes { id } }
              indicators(first: 1) { nodes { id } }
            }
            """);
        _ids = data.ToDictionary(p => p.Key, p => p.Value!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    private static IEnumerable<TestCaseData> Entities()
    {
        yield return Case("Region", ids => new
        {
            name = "测试街道", kind = "SUBDISTRICT", parentId = ids["regions"], sourceIds = new[] { ids["citations"] },
        }, "name");
        yield return Case("Industry",
            ids => new { code = "TEST_IND", name = "测试行业", kind = "OTHER", parentId = ids["industries"] }, "name");
        yield return Case("Enterprise",
            ids => new { name = "测试企业", industryId = ids["industries"], regionId = ids["regions"] }, "name");
        yield return Case("PilotProgram", ids => new
        {
            code = "TEST_PILOT", name = "测试试点", level = "PROVINCIAL", targetCount = 3, industryId = ids["industries"],
        }, "name");
        yield return Case("PolicyDocument",
            ids => new { title = "测试文件", kind = "NOTICE", issuedOn = "2022-01-05", industryId = ids["industries"] }, "title");
        yield return Case("ReformMeasure",
            ids => new { code = "TEST_MEASURE", title = "测试措施", ordinal = 1, industryId = ids["industries"] }, "title");
        yield return Case("SkillStandard", ids => new
        {
            title = "测试标准", issuerName = "测试单位", levels = new[] { "LEVEL_5", "LEVEL_4" },
            issuerEnterpriseId = ids["enterprises"],
        }, "title");
        yield return Case("Occupation", ids => new { name = "测试工种", industryId = ids["industries"] }, "name");
        yield return Case("InnovationStudio",
            ids => new { name = "测试工作室", kind = "WORKER_STUDIO", hostEnterpriseId = ids["enterprises"] }, "name");
        yield return Case("TrainingProgram",
            ids => new { name = "测试培训", kind = "OTHER", enterpriseId = ids["enterprises"] }, "name");
        yield return Case("PracticeCase",
            ids => new { title = "测试案例", enterpriseId = ids["enterprises"], sourceIds = new[] { ids["citations"] } }, "title");
        yield return Case("Indicator", ids => new { code = "TEST_INDICATOR", name = "测试指标", unit = "个" }, "name");
        yield return Case("IndicatorValue",
            ids => new { indicatorId = ids["indicators"], value = 42, asOf = "2030-01-01", regionId = ids["regions"] }, "value");
        yield return Case("Source", ids => new
        {
            code = "TEST_SOURCE", title = "测试来源", kind = "DATASET", publishedOn = "2022-02-02", publishedYear = 2022,
        }, "title");
        yield return Case("Citation", ids => new { code = "TEST_CITATION", sourceId = ids["sources"], quote = "测试引文" }, "quote");
    }

    private static TestCaseData Case(string type, Func<Dictionary<string, string>, object> input, string field) =>
        new TestCaseData(type, input, field).SetArgDisplayNames(type);

    [TestCaseSource(nameof(Entities))]
    public async Task Create_update_delete_and_audit(string type, Func<Dictionary<string, string>, object> input, string field)
    {
        var property = char.ToLowerInvariant(type[0]) + type[1..];
        var created = await SucceedAsync(Editor, $"create{type}", input(_ids), $"{property} {{ id version {field} }}");
        var id = created[property]!["id"]!.GetValue<string>();
        object newValue = field == "value" ? 43 : "已更正";
        var update = new Dictionary<string, object?>
        {
            ["id"] = id, ["version"] = created[property]!["version"]!.GetValue<long>(), [field] = newValue,
        };
        var updated = await SucceedAsync(Editor, $"update{type}", update, $"{property} {{ version {field} }}");
        var deleted = await SucceedAsync(Editor, $"delete{type}",
            new { id, version = updated[property]!["version"]!.GetValue<long>() }, "deletedId");

        var history = await Api.QueryAsAsync(Admin, """
            query($type: String!, $key: Int!) {
              auditEvents(where: { entityType: { eq: $type }, entityId: { eq: $key } }, order: [{ occurredAt: ASC }]) {
                nodes { operation actor }
              }
            }
            """, new { type, key = int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(id)).Split(':')[1]) });
        Assert.Multiple(async () =>
        {
            Assert.That(updated[property]![field]!.ToString(), Is.EqualTo(newValue.ToString()));
            Assert.That(deleted["deletedId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That((await Api.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id }))["node"], Is.Null);
            Assert.That(history["auditEvents"]!["nodes"]!.AsArray().Select(n => n!["operation"]!.GetValue<string>()),
                Is.EqualTo(new[] { "CREATE", "UPDATE", "DELETE" }));
        });
    }

    [Test]
    public async Task A_pilot_enrollment_is_created_updated_and_deleted()
    {
        var firm = (await SucceedAsync(Editor, "createEnterprise", new { name = "入选测试企业" },
            "enterprise { id }"))["enterprise"]!["id"]!.GetValue<string>();
        var program = (await SucceedAsync(Editor, "createPilotProgram",
            new { code = "ENROL_TEST", name = "入选测试试点", level = "CITY", targetCount = 1 },
            "pilotProgram { id }"))["pilotProgram"]!["id"]!.GetValue<string>();
        var created = await SucceedAsync(Editor, "createPilotEnrollment", new { programId = program, enterpriseId = firm },
            "pilotEnrollment { id version }");
        var updated = await SucceedAsync(Editor, "updatePilotEnrollment", new
        {
            id = created["pilotEnrollment"]!["id"]!.GetValue<string>(),
            version = created["pilotEnrollment"]!["version"]!.GetValue<long>(),
            status = "COMPLETED",
        }, "pilotEnrollment { id version status }");
        var deleted = await SucceedAsync(Editor, "deletePilotEnrollment", new
        {
            id = updated["pilotEnrollment"]!["id"]!.GetValue<string>(), version = updated["pilotEnrollment"]!["version"]!.GetValue<long>(),
        }, "deletedId");
        Assert.That(updated["pilotEnrollment"]!["status"]!.GetValue<string>(), Is.EqualTo("COMPLETED"));
        Assert.That(deleted["deletedId"], Is.Not.Null);
    }
}
