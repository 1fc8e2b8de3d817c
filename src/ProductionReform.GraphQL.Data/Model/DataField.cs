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
