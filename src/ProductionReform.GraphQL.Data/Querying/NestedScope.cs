using System.Linq.Expressions;
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

    /// <summary>The parent rows whose keys are in <paramref name="keys"/>, a <c>List&lt;int&gt;</c> expression.</summary>
    public Expression Parents(Expression parentSet, Expression keys) =>
        Linq.Where(parentSet, Parent.ClrType, QueryParameter.KeyIn(Parent, keys));

    /// <summary><c>p.Relation</c>: the rows of one parent, a navigation EF Core joins by key.</summary>
    public Expression Children(Expression parent) => ParameterRebinder.Rebind(Field.Member, parent);

    public Expression KeyOf(Expression parent) => Expression.Property(parent, Parent.Key);
}
