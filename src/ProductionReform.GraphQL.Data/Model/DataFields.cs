using System.Linq.Expressions;
using System.Reflection;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>A field of an entity that the data layer can filter, sort, project or page.</summary>
public abstract class DataField(string name, LambdaExpression member, string? description)
{
    public string Name { get; } = name;

    /// <summary>Entity → value: a property of the entity, read in SQL.</summary>
    public LambdaExpression Member { get; } = member;

    public PropertyInfo Property { get; } = MemberProperty(member);
    public string? Description { get; } = description;
    public bool IsFilterable { get; internal set; } = true;
    public bool IsSortable { get; internal set; } = true;

    /// <summary>How mutations and imports write the field; null when it is read only.</summary>
    public WriteOptions? Write { get; internal set; }

    /// <summary>The weight of a hit in this text column for <c>search</c>; null when it is not searched.</summary>
    public double? SearchWeight { get; internal set; }

    private static PropertyInfo MemberProperty(LambdaExpression member) =>
        member.Body is MemberExpression { Member: PropertyInfo property } access && access.Expression == member.Parameters[0]
            ? property
            : throw new ArgumentException($"'{member}' must read one property of the entity, e.g. x => x.Name.", nameof(member));
}

/// <summary>A column: string, number, date, boolean or enum (or a list of enums, read only).</summary>
public sealed class ScalarField(string name, LambdaExpression member, string? description) : DataField(name, member, description)
{
    public Type ValueType { get; } = member.ReturnType;

    /// <summary>The GraphQL type when inference from <see cref="ValueType"/> is not wanted.</summary>
    public Type? GraphType { get; internal set; }

    /// <summary>Turns the stored value into the value the GraphQL type serializes.</summary>
    public Func<object?, object?>? Convert { get; internal set; }
}

/// <summary>A to-one relation: filtered and sorted through, joined into the same statement.</summary>
public sealed class ReferenceField(string name, LambdaExpression member, string? description) : DataField(name, member, description)
{
    public Type TargetType { get; } = member.ReturnType;
}

/// <summary>A to-many relation: a connection of its own, loaded for all parents in one statement.</summary>
public sealed class ListField(string name, LambdaExpression member, Type targetType, string? description) : DataField(name, member, description)
{
    public Type TargetType { get; } = targetType;
}
