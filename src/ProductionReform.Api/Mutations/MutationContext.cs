namespace ProductionReform.Api.Mutations;

/// <summary>What a rule of an entity sees: the entity as it would be saved, the raw input and where to report.</summary>
public sealed class MutationContext
{
    public required ProductionReform.Data.RegistryDbContext Db { get; init; }
    public required bool IsCreate { get; init; }
    public required IReadOnlyDictionary<string, object?> Input { get; init; }
    public CancellationToken CancellationToken { get; init; }
    public List<UserError> Errors { get; } = [];
    public List<UserError> Warnings { get; } = [];

    /// <summary>True when the input names this field (also when it is explicitly null).</summary>
    public bool Provided(string field) => Input.ContainsKey(field);

    public bool Flag(string field) => Input.TryGetValue(field, out var value) && value is true;

    /// <summary>Whether this field already has an error (rules skip what cannot be judged).</summary>
    public bool HasError(string field) => Errors.Exists(e => e.Field == field);

    public void Error(string? field, string code, string message) => Errors.Add(new UserError(field, message, code));
    public void Warn(string? field, string code, string message) => Warnings.Add(new UserError(field, message, code));
}
