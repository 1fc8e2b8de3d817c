using ProductionReform.Api.Access;

namespace ProductionReform.Api;

/// <summary>
/// The API's command-line modes beside serving: <c>export-schema &lt;path&gt;</c> writes the SDL without a database;
/// <c>keys …</c> manages API keys (<see cref="KeyCommands"/>).
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the mode the arguments name and returns true, or returns false to serve.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        switch (args)
        {
            case ["export-schema", var schemaPath]:
                await SchemaExport.WriteAsync(schemaPath);
                return true;
            case ["keys", .. var keyArguments]:
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddRegistryDatabase(builder.Configuration);
                builder.Services.AddRegistryAuthentication(builder.Configuration);
                await using (var app = builder.Build())
                    Environment.ExitCode = await KeyCommands.RunAsync(app.Services, keyArguments);
                return true;
            default:
                return false;
        }
    }
}
