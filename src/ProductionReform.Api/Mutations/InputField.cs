using System.Reflection;

namespace ProductionReform.Api.Mutations;

/// <summary>One field of a mutation input: where its value goes, its GraphQL type and how it is checked.</summary>
public sealed class InputField
{
    public required string Name { get; init; }
    public required InputKind Kind { get; init; }

    /// <summary>The scalar property, the foreign-key property, or the collection navigation.</summary>
    public PropertyInfo? Property { get; init; }

    /// <summary>The named GraphQL input type of a scalar (no non-null wrapper).</summary>
    public Type? GraphType { get; init; }

    /// <summary>The entity a reference or many field points to.</summary>
    public Type? Target { get; init; }

    /// <summary>Must be given on create (non-null in the create input) and may not be cleared on update.</summary>
    public bool Required { get; init; }

    public string? Description { get; init; }

    /// <summary>Applied to a non-null value before it is checked and stored (e.g. upper-case a credit code).</summary>
    public Func<object, object?>? Normalize { get; init; }

    /// <summary>Checks of a non-null value: null when fine, else the code and message of the error.</summary>
    public IReadOnlyList<Func<object, (string Code, string Message)?>> Checks { get; init; } = [];
}
