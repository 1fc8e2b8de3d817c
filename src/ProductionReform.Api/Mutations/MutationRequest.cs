using ProductionReform.Data;

namespace ProductionReform.Api.Mutations;

/// <summary>One mutation call: its input as GraphQL.NET coerced it (only the fields the client gave) and the request's services.</summary>
public sealed class MutationRequest
{
    public required IReadOnlyDictionary<string, object?> Input { get; init; }
    public required RegistryDbContext Db { get; init; }
    public CancellationToken CancellationToken { get; init; }
}
