using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>A to-many relation: a connection of its own, loaded for all parents in one statement.</summary>
public sealed class ListField(string name, LambdaExpression member, Type targetType, string? description)
    : DataField(name, member, description)
{
    public Type TargetType { get; } = targetType;
}
