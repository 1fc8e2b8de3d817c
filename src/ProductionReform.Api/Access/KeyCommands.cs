using ProductionReform.Domain;

namespace ProductionReform.Api.Access;

/// <summary>
/// <c>scripts/run keys create --role EDITOR --name "Nantong FTU"</c> prints a new key once;
/// <c>keys revoke --name …</c> revokes a writer's keys; <c>keys list</c> shows them (never the keys).
/// </summary>
public static class KeyCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await services.PrepareDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeys>();
        switch (args)
        {
            case ["create", ..] when Option(args, "--name") is { } name
                && Enum.TryParse<RegistryRole>(Option(args, "--role"), ignoreCase: true, out var role):
                var (key, secret) = await keys.CreateAsync(name, role);
                Console.WriteLine($"Created {RegistryAuthentication.RoleName(key.Role)} key for '{key.Name}'. It is shown only now:");
                Console.WriteLine(secret);
                return 0;
            case ["revoke", ..] when Option(args, "--name") is { } name:
                Console.WriteLine($"Revoked {await keys.RevokeAsync(name)} key(s) of '{name}'.");
                return 0;
            case ["list"]:
                foreach (var listed in await keys.ListAsync())
                {
                    var state = listed.RevokedAt is { } at ? $"revoked {at:u}" : "live";
                    Console.WriteLine(
                        $"{listed.Name}\t{RegistryAuthentication.RoleName(listed.Role)}\t{listed.Prefix}…\t" +
                        $"created {listed.CreatedAt:u}\t{state}");
                }
                return 0;
            default:
                Console.Error.WriteLine("usage: keys create --role EDITOR|ADMIN --name <name> | keys revoke --name <name> | keys list");
                return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
