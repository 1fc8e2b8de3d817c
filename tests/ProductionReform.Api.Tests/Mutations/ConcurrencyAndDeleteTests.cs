namespace ProductionReform.Api.Tests.Mutations;

/// <summary>Stale versions are refused; deletes are refused while others refer to the record, except documented cascades.</summary>
public sealed class ConcurrencyAndDeleteTests : MutationTestBase
{
    protected override string Purpose => "mutation_delete";

    [Test]
    public async Task An_update_or_delete_with_a_stale_version_is_refused_as_CONCURRENT_UPDATE()
    {
        var created = await SucceedAsync(Editor, "createEnterprise", new { name = "并发更新企业" }, "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        var read = created["enterprise"]!["version"]!.GetValue<long>();

        // Someone else saves first.
        await SucceedAsync(Admin, "updateEnterprise", new { id, version = read, nameEn = "First writer" }, "enterprise { id }");

        var stale = await MutateAsync(Editor, "updateEnterprise", new { id, version = read, nameEn = "Second writer" },
            "enterprise { id }");
        var staleDelete = await MutateAsync(Editor, "deleteEnterprise", new { id, version = read }, "deletedId");
        var now = await Api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Enterprise { nameEn } } }", new { id });
        Assert.Multiple(() =>
        {
            Assert.That(Errors(stale), Is.EqualTo(new[] { ((string?)"version", "CONCURRENT_UPDATE") }));
            Assert.That(Errors(staleDelete), Is.EqualTo(new[] { ((string?)"version", "CONCURRENT_UPDATE") }));
            Assert.That(now["node"]!["nameEn"]!.GetValue<string>(), Is.EqualTo("First writer"));
        });
    }

    [Test]
    public async Task Concurrent_updates_from_one_version_save_one_and_refuse_the_rest()
    {
        var created = await SucceedAsync(Editor, "createEnterprise", new { name = "并发竞争企业" }, "enterprise { id version }");
        var id = created["enterprise"]!["id"]!.GetValue<string>();
        var version = created["enterprise"]!["version"]!.GetValue<long>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            MutateAsync(Editor, "updateEnterprise", new { id, version, employeeCount = 100 + i }, "enterprise { employeeCount }")));
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r["errors"] is null), Is.EqualTo(1));
            Assert.That(results.Where(r => r["errors"] is not null).SelectMany(Errors),
                Has.All.EqualTo(((string?)"version", "CONCURRENT_UPDATE")));
        });
    }

    [Test]
    public async Task Deleting_a_firm_that_hosts_a_studio_is_refused_naming_the_referrers()
    {
        var (id, version) = await FindAsync("enterprises", """{ name: { eq: "华信中央空调" } }""");
        var payload = await MutateAsync(Editor, "deleteEnterprise", new { id, version }, "deletedId");
        Assert.Multiple(async () =>
        {
            Assert.That(Errors(payload), Is.EqualTo(new[] { ((string?)"id", "REFERENCED") }));
            Assert.That(Message(payload), Does.Contain("referenced by").And.Contain("innovation studio (hostEnterprise)"));
            Assert.That(payload["deletedId"], Is.Null);
            Assert.That(await CountAsync("enterprises", """{ name: { eq: "华信中央空调" } }"""), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_a_firm_enrolled_in_a_pilot_is_refused_but_its_enrollment_may_be_deleted()
    {
        var enrollment = (await Api.QueryAsync("""
            { pilotEnrollments(first: 1) { nodes { id version enterprise { id version name } } } }
            """))["pilotEnrollments"]!["nodes"]![0]!;
        var firm = enrollment["enterprise"]!;
        var refused = await MutateAsync(Editor, "deleteEnterprise",
            new { id = firm["id"]!.GetValue<string>(), version = firm["version"]!.GetValue<long>() }, "deletedId");
        var deleted = await SucceedAsync(Editor, "deletePilotEnrollment",
            new { id = enrollment["id"]!.GetValue<string>(), version = enrollment["version"]!.GetValue<long>() },
            "deletedId pilotEnrollment { status }");
        Assert.Multiple(() =>
        {
            Assert.That(Message(refused), Does.Contain("1 pilot enrollment (enterprise)"));
            Assert.That(deleted["deletedId"]!.GetValue<string>(), Is.EqualTo(enrollment["id"]!.GetValue<string>()));
            Assert.That(deleted["pilotEnrollment"]!["status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
        });
    }

    [Test]
    public async Task Deleting_a_quoted_citation_or_a_source_with_citations_is_refused()
    {
        var (citation, citationVersion) = await FindAsync("citations", """{ code: { eq: "ntftu-2021-huaxin-studio-cluster" } }""");
        var (source, sourceVersion) = await FindAsync("sources", """{ code: { eq: "nantong-ftu-2021" } }""");
        var refusedCitation = await MutateAsync(Editor, "deleteCitation", new { id = citation, version = citationVersion }, "deletedId");
        var refusedSource = await MutateAsync(Editor, "deleteSource", new { id = source, version = sourceVersion }, "deletedId");
        Assert.Multiple(() =>
        {
            Assert.That(Errors(refusedCitation), Is.EqualTo(new[] { ((string?)"id", "REFERENCED") }));
            Assert.That(Message(refusedCitation), Does.Contain("enterprise (sources)").And.Contain("innovation studio (sources)"));
            Assert.That(Message(refusedSource), Does.Contain("citations (source)"));
        });
    }

    [Test]
    public async Task Deleting_an_indicator_deletes_its_values_and_audits_them()
    {
        var indicator = (await SucceedAsync(Editor, "createIndicator",
            new { code = "CASCADE_TEST", name = "级联测试指标", unit = "个" },
            "indicator { id }"))["indicator"]!["id"]!.GetValue<string>();
        await SucceedAsync(Editor, "createIndicatorValue", new { indicatorId = indicator, value = 1, asOf = "2022-01-01" },
            "indicatorValue { id }");
        await SucceedAsync(Editor, "createIndicatorValue", new { indicatorId = indicator, value = 2, asOf = "2022-06-30" },
            "indicatorValue { id }");
        var node = await Api.QueryAsync("query($id: ID!) { node(id: $id) { ... on Indicator { version } } }", new { id = indicator });
        var version = node["node"]!["version"]!.GetValue<long>();

        await SucceedAsync(Editor, "deleteIndicator", new { id = indicator, version }, "deletedId");
        var deletes = await Api.QueryAsAsync(Admin, """
            { auditEvents(where: { operation: { eq: DELETE }, entityType: { eq: "IndicatorValue" } }) { totalCount } }
            """);
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("indicators", """{ code: { eq: "CASCADE_TEST" } }"""), Is.Zero);
            Assert.That(await CountAsync("indicatorValues", """{ indicator: { code: { eq: "CASCADE_TEST" } } }"""), Is.Zero);
            Assert.That(deletes["auditEvents"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_id_of_another_type_or_of_nothing_is_refused()
    {
        var (region, version) = await FindAsync("regions", """{ name: { eq: "南通市" } }""");
        var wrongType = await MutateAsync(Editor, "deleteEnterprise", new { id = region, version }, "deletedId");
        var gone = await MutateAsync(Editor, "updateEnterprise",
            new { id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("Enterprise:987654")), version = 1 }, "enterprise { id }");
        Assert.Multiple(() =>
        {
            Assert.That(Errors(wrongType), Is.EqualTo(new[] { ((string?)"id", "INVALID_REFERENCE") }));
            Assert.That(Errors(gone), Is.EqualTo(new[] { ((string?)"id", "NOT_FOUND") }));
        });
    }
}
