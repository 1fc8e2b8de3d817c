using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>A to-one relation: filtered and sorted through, joined into the same statement.</summary>
public sealed class ReferenceField(string name, LambdaExpression member, string? description) : DataField(name, member, description)
{
    public Type TargetType { get; } = member.ReturnType;
}
