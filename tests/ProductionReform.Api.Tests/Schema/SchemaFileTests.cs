namespace ProductionReform.Api.Tests;

public sealed class SchemaFileTests
{
    [Test]
    public void Committed_schema_file_matches_the_served_schema()
    {
        var file = Path.Combine(Repository.Root, "schema", "schema.graphql");
        var committed = File.ReadAllText(file).ReplaceLineEndings("\n");

        Assert.That(SchemaExport.Print(), Is.EqualTo(committed),
            "schema/schema.graphql is stale: run `scripts/run schema` and commit the result.");
    }
}
