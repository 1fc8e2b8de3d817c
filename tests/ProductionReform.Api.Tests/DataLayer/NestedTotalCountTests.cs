using ProductionReform.Api.Tests.Mutations;

namespace ProductionReform.Api.Tests.DataLayer;

/// <summary>
/// A nested totalCount without a filter reads the count the database keeps per parent; it follows every create, move
/// and delete, and a filtered one still counts the rows its filter keeps.
/// </summary>
public sealed class NestedTotalCountTests : MutationTestBase
{
    protected override string Purpose => "nestedcount";

    [Test]
    public async Task Unfiltered_and_filtered_nested_totals_follow_creates_moves_and_deletes()
    {
        async Task<string> IndustryAsync(string code) => (await SucceedAsync(Editor, "createIndustry",
            new { code, name = $"计数行业{code}", kind = "OTHER" }, "industry { id }"))["industry"]!["id"]!.GetValue<string>();
        var first = await IndustryAsync("count-first");
        var second = await IndustryAsync("count-second");
        var firms = new List<JsonNode>();
        foreach (var (name, employees) in new[] { ("计数企业甲", 500), ("计数企业乙", 20), ("计数企业丙", 800) })
        {
            firms.Add((await SucceedAsync(Editor, "createEnterprise", new { name, industryId = first, employeeCount = employees },
                "enterprise { id version }"))["enterprise"]!);
        }
        var afterCreates = await TotalsAsync();

        await SucceedAsync(Editor, "updateEnterprise",
            new { id = firms[0]["id"]!.GetValue<string>(), version = firms[0]["version"]!.GetValue<long>(), industryId = second },
            "enterprise { id }");
        await SucceedAsync(Editor, "deleteEnterprise",
            new { id = firms[1]["id"]!.GetValue<string>(), version = firms[1]["version"]!.GetValue<long>() }, "deletedId");
        var afterMoveAndDelete = await TotalsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(afterCreates, Is.EqualTo("count-first: 3 big 2 last 计数企业甲; count-second: 0 big 0 last -"));
            Assert.That(afterMoveAndDelete, Is.EqualTo("count-first: 1 big 1 last 计数企业丙; count-second: 1 big 1 last 计数企业甲"));
        });
    }

    /// <summary>Per industry: all its firms, those of 100 employees or more, and the last by name (a page of another order).</summary>
    private async Task<string> TotalsAsync()
    {
        var data = await Api.QueryAsync("""
            { industries(where: { code: { startsWith: "count-" } }, order: [{ code: ASC }]) { nodes { code
                all: enterprises { totalCount }
                big: enterprises(where: { employeeCount: { gte: 100 } }) { totalCount }
                last: enterprises(order: [{ name: DESC }], first: 1) { totalCount nodes { name } } } } }
            """);
        return string.Join("; ", data["industries"]!["nodes"]!.AsArray().Select(n =>
            $"{n!["code"]}: {n["all"]!["totalCount"]} big {n["big"]!["totalCount"]} last " +
            (n["last"]!["nodes"]!.AsArray().FirstOrDefault()?["name"]?.GetValue<string>() ?? "-")));
    }
}
