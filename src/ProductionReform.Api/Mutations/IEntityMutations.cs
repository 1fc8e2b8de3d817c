namespace ProductionReform.Api.Mutations;

/// <summary>Untyped view of <see cref="EntityMutations{T}"/> for the schema builder.</summary>
public interface IEntityMutations
{
    Type ClrType { get; }

    /// <summary>The schema's type name (<c>Enterprise</c>); mutations are <c>create…</c>, <c>update…</c>, <c>delete…</c>.</summary>
    string TypeName { get; }

    IReadOnlyList<InputField> Fields { get; }

    Task<MutationPayload> CreateAsync(MutationRequest request);
    Task<MutationPayload> UpdateAsync(MutationRequest request);
    Task<MutationPayload> DeleteAsync(MutationRequest request);
}
