using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>A column: string, number, date, boolean or enum (or a list of enums, read only).</summary>
public sealed class ScalarField(string name, LambdaExpression member, string? description) : DataField(name, member, description)
{
    public Type ValueType { get; } = member.ReturnType;

    /// <summary>The GraphQL type when inference from <see cref="ValueType"/> is not wanted.</summary>
    public Type? GraphType { get; internal set; }

    /// <summary>Turns the stored value into the value the GraphQL type serializes.</summary>
    public Func<object?, object?>? Convert { get; internal set; }
}
