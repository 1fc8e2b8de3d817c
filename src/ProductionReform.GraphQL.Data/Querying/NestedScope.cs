using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// The parents of a batched nested read and their to-many relation: nested lists and nested aggregates read every
/// parent's rows in one statement, from the parents by key down the relation's navigation.
/// </summary>
internal sealed record NestedScope(EntityModel Parent, ListField Field, IReadOnlyCollection<int> ParentKeys)
{
    /// <summary>The parent rows, by key (<c>WHERE p.id = ANY(@keys)</c>), over the parents' entity set.</summary>
    public Expression Parents(IQueryable parentSet) =>
        Linq.Where(parentSet.Expression, Parent.ClrType, QueryParameter.KeyIn(Parent, ParentKeys));

    /// <summary><c>@keys.Contains(key)</c>: <paramref name="key"/> is one of the parents' keys.</summary>
    public Expression KeyIn(Expression key) => QueryParameter.Contains(ParentKeys, key);

    /// <summary>
    /// <c>EF.Property(child, fk)</c> as an int: a child's parent key read from its own row, when the relation is a
    /// one-to-many over one foreign-key column to the parent's primary key; null for other relations.
    /// </summary>
    public Expression? ForeignKeyOf(DbContext db, ParameterExpression child)
    {
        if (Field.Member.Body is not MemberExpression { Expression: ParameterExpression } member) return null;
        var navigation = db.Model.FindEntityType(Parent.ClrType)?.FindNavigation(member.Member.Name);
        if (navigation is not { IsCollection: true, ForeignKey: { Properties: [var property] } foreignKey }
            || !foreignKey.PrincipalKey.IsPrimaryKey()) return null;
        var value = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], child, Expression.Constant(property.Name));
        return property.ClrType == typeof(int) ? value : Expression.Convert(value, typeof(int));
    }

    /// <summary><c>p.Relation</c>: the rows of one parent, a navigation EF Core joins by key.</summary>
    public Expression Children(Expression parent) => ParameterRebinder.Rebind(Field.Member, parent);

    public Expression KeyOf(Expression parent) => Expression.Property(parent, Parent.Key);
}
