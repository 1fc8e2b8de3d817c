using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>A column: string, number, date, boolean or enum, or a list of them (a PostgreSQL array).</summary>
public sealed class ScalarField(string name, LambdaExpression member, string? description) : DataField(name, member, description)
{
    public Type ValueType { get; } = member.ReturnType;

    /// <summary>The element type when the column holds a list of values, else null.</summary>
    public Type? ElementType { get; } = ScalarTypes.ElementType(member.ReturnType);

    /// <summary>The GraphQL type when inference from <see cref="ValueType"/> is not wanted.</summary>
    public Type? GraphType { get; internal set; }

    /// <summary>Turns the stored value into the value the GraphQL type serializes.</summary>
    public Func<object?, object?>? Convert { get; internal set; }

    /// <summary>A text column with a trigram (pg_trgm GIN) index in the store model: it takes <c>matches</c>.</summary>
    public bool IsTrigramIndexed { get; internal set; }
}
