using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data.Counting;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Api.Counting;

/// <summary>
/// The counts per parent the registry's database keeps (<see cref="KeptCounts"/>): the sum of the parent's
/// <c>kept_counts</c> rows, a subquery over their index.
/// </summary>
internal sealed class KeptRelationCounts(IReadOnlyModel model) : IKeptCounts
{
    private static readonly MethodInfo SetOfKeptCounts =
        typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(typeof(KeptCount));

    private readonly Dictionary<(string Table, string Column), KeptRelation> _kept =
        KeptCounts.Relations(model).ToDictionary(r => (r.Table, r.Column));

    public Expression? CountOf(Expression context, Type parentType, MemberInfo relation, Expression parentKey)
    {
        if (model.FindEntityType(parentType)?.FindNavigation(relation.Name) is not { IsOnDependent: false, ForeignKey: var reference }
            || reference.Properties is not [var column]
            || !_kept.TryGetValue((reference.DeclaringEntityType.GetTableName()!, column.GetColumnName()), out var kept))
            return null;

        // kept_counts.Where(k => k.Relation == name && k.ParentId == parentKey).Sum(k => k.CountChange)
        var k = Expression.Parameter(typeof(KeptCount), "k");
        var ofParent = Expression.Lambda(Expression.AndAlso(
            Expression.Equal(Expression.Property(k, nameof(KeptCount.Relation)), Expression.Constant(kept.Name)),
            Expression.Equal(Expression.Property(k, nameof(KeptCount.ParentId)), parentKey)), k);
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(KeptCount)],
            Expression.Call(context, SetOfKeptCounts), Expression.Quote(ofParent));
        return Expression.Call(typeof(Queryable), nameof(Queryable.Sum), [typeof(KeptCount)], rows,
            Expression.Quote(Expression.Lambda(Expression.Property(k, nameof(KeptCount.CountChange)), k)));
    }
}
