namespace ProductionReform.Api.Tests.Mutations;

/// <summary>Many-to-many links live in join rows of neither record; changing only them is still a recorded write.</summary>
public sealed class LinkAuditTests : MutationTestBase
{
    protected override string Purpose => "mutation_links";

    [Test]
    public async Task Changing_only_the_citations_of_a_record_is_audited_with_the_links_removed_and_added()
    {
        var studio = (await Api.QueryAsync("""
            { innovationStudios(where: { kind: { eq: KNOWLEDGE_PROPERTY_BANK } }) { nodes { id version sources { nodes { id } } } } }
            """))["innovationStudios"]!["nodes"]![0]!;
        var before = studio["sources"]!["nodes"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        var other = (await Api.QueryAsync("""
            { citations(where: { code: { startsWith: "gb-t-2260" } }, first: 1) { nodes { id } } }
            """))["citations"]!["nodes"]![0]!["id"]!.GetValue<string>();

        await SucceedAsync(Editor, "updateInnovationStudio",
            new { id = studio["id"]!.GetValue<string>(), version = studio["version"]!.GetValue<long>(), sourceIds = new[] { other } },
            "innovationStudio { id }");

        var history = (await Api.QueryAsAsync(Admin, """
            query($id: ID!) { node(id: $id) { ... on InnovationStudio { history { operation actor changes { field before after } } } } }
            """, new { id = studio["id"]!.GetValue<string>() }))["node"]!["history"]!.AsArray();
        var change = history.Single()!["changes"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(history.Single()!["operation"]!.GetValue<string>(), Is.EqualTo("UPDATE"));
            Assert.That(change["field"]!.GetValue<string>(), Is.EqualTo("sources"));
            Assert.That(change["after"]!.ToJsonString(), Does.Contain(Key(other)), "the citation linked");
            var unlinked = change["before"]!.ToJsonString();
            Assert.That(before.Select(Key).All(unlinked.Contains), Is.True, $"the citations unlinked: {unlinked}");
        });
    }

    private static string Key(string globalId) =>
        System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1];
}
