namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>The checkout the tests run from, for the files they compare with the code (the schema, the README).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProductionReform.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("ProductionReform.sln not found above the test directory.");
    }
}
