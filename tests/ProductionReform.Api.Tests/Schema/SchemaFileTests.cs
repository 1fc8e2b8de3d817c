namespace ProductionReform.Api.Tests;

public sealed class SchemaFileTests
{
    [Test]
    public void Committed_schema_file_matches_the_served_schema()
    {
        var file = Path.Combine(RepositoryRoot(), "schema", "schema.graphql");
        var committed = File.ReadAllText(file).ReplaceLineEndings("\n");

        Assert.That(SchemaExport.Print(), Is.EqualTo(committed),
            "schema/schema.graphql is stale: run `scripts/run schema` and commit the result.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProductionReform.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("ProductionReform.sln not found above the test directory.");
    }
}
