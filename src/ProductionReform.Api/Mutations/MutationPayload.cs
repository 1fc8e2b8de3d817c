namespace ProductionReform.Api.Mutations;

/// <summary>What a payload resolves from: the saved record's key (or the deleted record), errors and warnings.</summary>
public sealed class MutationPayload
{
    public required string TypeName { get; init; }
    public int? Key { get; init; }

    /// <summary>The record as it was before a delete; it can no longer be read from the database.</summary>
    public object? Deleted { get; init; }

    public IReadOnlyList<UserError>? Errors { get; init; }
    public IReadOnlyList<UserError>? Warnings { get; init; }
}
