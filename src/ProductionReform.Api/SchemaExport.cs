using GraphQL;
using GraphQL.Types;

namespace ProductionReform.Api;

/// <summary>Writes the schema's SDL without a database: <c>dotnet run -- export-schema schema/schema.graphql</c>.</summary>
public static class SchemaExport
{
    public static string Print()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRegistryGraphQL(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ISchema>().Print() + "\n";
    }

    public static async Task WriteAsync(string path) => await File.WriteAllTextAsync(path, Print());
}
