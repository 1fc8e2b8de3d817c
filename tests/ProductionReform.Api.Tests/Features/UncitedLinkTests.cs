using System.Text;
using ProductionReform.Api.Tests.Mutations;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// A link written without a citation shows in <c>dataQuality</c> and its CSV as UNCITED_LINK with both ends, and leaves it
/// once a citation of either end supports the field that names the link at that end.
/// </summary>
public sealed class UncitedLinkTests : MutationTestBase
{
    protected override string Purpose => "uncited_links";

    private async Task<List<JsonNode>> UncitedRealLinksAsync()
    {
        var data = await Api.QueryAsync("""
            { dataQuality { issues { kind entityType recordId label detail isSample linkKind toEntityType toRecordId toLabel } } }
            """);
        return data["dataQuality"]!["issues"]!.AsArray().Select(i => i!)
            .Where(i => i["kind"]!.GetValue<string>() == "UNCITED_LINK" && !i["isSample"]!.GetValue<bool>()).ToList();
    }

    private async Task<int> UncitedCountAsync(string linkKind, string from, string to)
    {
        var data = await Api.QueryAsync("{ dataQuality { links { linkKind entityType toEntityType uncited } } }");
        return data["dataQuality"]!["links"]!.AsArray().Single(l => l!["linkKind"]!.GetValue<string>() == linkKind
            && l["entityType"]!.GetValue<string>() == from && l["toEntityType"]!.GetValue<string>() == to)!["uncited"]!.GetValue<int>();
    }

    private static string Text(JsonNode node, string field) => node[field]!.GetValue<string>();

    private static IEnumerable<string> Supports(JsonNode citation) => citation["supports"]!.AsArray().Select(f => f!.GetValue<string>());

    [Test]
    public async Task A_new_link_is_listed_until_a_citation_of_either_end_supports_it()
    {
        var (article, _) = await FindAsync("sources", """{ code: { eq: "nantong-ftu-2021" } }""");
        var (chongchuan, _) = await FindAsync("regions", """{ name: { eq: "崇川区" } }""");
        var citation = (await SucceedAsync(Editor, "createCitation",
            new { code = "uncited-link-test-name", sourceId = article, quote = "江苏宇迪光学", supports = new[] { "name" } },
            "citation { id version supports }"))["citation"]!;
        var industry = (await SucceedAsync(Editor, "createIndustry",
            new { code = "UNCITED_LINK_TEST", name = "链接测试行业", kind = "PILLAR", sourceIds = new[] { Text(citation, "id") } },
            "industry { id version }"))["industry"]!;
        var enterprise = (await SucceedAsync(Editor, "createEnterprise",
            new
            {
                name = "链接测试企业", regionId = chongchuan, industryId = Text(industry, "id"),
                sourceIds = new[] { Text(citation, "id") },
            },
            "enterprise { id }"))["enterprise"]!["id"]!.GetValue<string>();

        var industryId = Text(industry, "id");
        var listed = await UncitedRealLinksAsync();
        using var csvResponse = await Api.Client.GetAsync("/export/data-quality.csv");
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(Supports(citation), Is.EqualTo(new[] { "name" }));
            Assert.That(listed.Select(l => (Text(l, "linkKind"), Text(l, "recordId"), Text(l, "toRecordId"))),
                Is.EquivalentTo(new[] { ("LOCATED_IN", enterprise, chongchuan), ("IN_INDUSTRY", enterprise, industryId) }));
            var located = listed.Single(l => Text(l, "linkKind") == "LOCATED_IN");
            Assert.That((Text(located, "entityType"), Text(located, "label")), Is.EqualTo(("Enterprise", "链接测试企业")));
            Assert.That((Text(located, "toEntityType"), Text(located, "toLabel")), Is.EqualTo(("Region", "崇川区")));
            Assert.That(await UncitedCountAsync("LOCATED_IN", "Enterprise", "Region"), Is.EqualTo(1));
            Assert.That(csv, Does.Contain($"UNCITED_LINK,Enterprise,{enterprise},链接测试企业,"
                + $"No citation supports Enterprise.region or Region.enterprises.,false,LOCATED_IN,Region,{chongchuan},崇川区"));
        });

        // The enterprise's own citation now states its region: the link's field at the enterprise's end.
        var updated = await SucceedAsync(Editor, "updateCitation",
            new { id = Text(citation, "id"), version = citation["version"]!.GetValue<long>(), supports = new[] { "name", "region" } },
            "citation { supports }");
        var afterRegion = await UncitedRealLinksAsync();

        // A citation of the industry that states its enterprises: the field at the other end.
        var industryCitation = (await SucceedAsync(Editor, "createCitation",
            new
            {
                code = "uncited-link-test-enterprises", sourceId = article,
                quote = "纺织、建筑行业", supports = new[] { "enterprises" },
            },
            "citation { id }"))["citation"]!["id"]!.GetValue<string>();
        await SucceedAsync(Editor, "updateIndustry",
            new
            {
                id = Text(industry, "id"), version = industry["version"]!.GetValue<long>(),
                sourceIds = new[] { Text(citation, "id"), industryCitation },
            },
            "industry { id }");
        var afterIndustry = await UncitedRealLinksAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(Supports(updated["citation"]!), Is.EqualTo(new[] { "name", "region" }));
            Assert.That(afterRegion.Select(l => Text(l, "linkKind")), Is.EqualTo(new[] { "IN_INDUSTRY" }));
            Assert.That(afterIndustry, Is.Empty);
            Assert.That(await UncitedCountAsync("LOCATED_IN", "Enterprise", "Region"), Is.Zero);
            Assert.That(await UncitedCountAsync("IN_INDUSTRY", "Enterprise", "Industry"), Is.Zero);
        });
    }
}
