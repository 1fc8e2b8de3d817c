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

    // Looked up for every unfiltered nested totalCount (per request when the document has variables): made once.
    private readonly Dictionary<(Type Parent, string Navigation), string> _kept = CountedNavigations(model);

    public Expression? CountOf(Expression context, Type parentType, MemberInfo relation, Expression parentKey)
    {
        if (!_kept.TryGetValue((parentType, relation.Name), out var kept)) return null;

        // kept_counts.Where(k => k.Relation == name && k.ParentId == parentKey).Sum(k => k.CountChange)
        var k = Expression.Parameter(typeof(KeptCount), "k");
        var ofParent = Expression.Lambda(Expression.AndAlso(
            Expression.Equal(Expression.Property(k, nameof(KeptCount.Relation)), Expression.Constant(kept)),
            Expression.Equal(Expression.Property(k, nameof(KeptCount.ParentId)), parentKey)), k);
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(KeptCount)],
            Expression.Call(context, SetOfKeptCounts), Expression.Quote(ofParent));
        return Expression.Call(typeof(Queryable), nameof(Queryable.Sum), [typeof(KeptCount)], rows,
            Expression.Quote(Expression.Lambda(Expression.Property(k, nameof(KeptCount.CountChange)), k)));
    }

    /// <summary>The name in <c>kept_counts</c> of each counted relation, by the parent's type and its navigation's name.</summary>
    private static Dictionary<(Type, string), string> CountedNavigations(IReadOnlyModel model)
    {
        var kept = KeptCounts.Relations(model).ToDictionary(r => (r.Table, r.Column), r => r.Name);
        var counted = new Dictionary<(Type, string), string>();
        foreach (var navigation in model.GetEntityTypes().SelectMany(t => t.GetNavigations()).Where(n => !n.IsOnDependent))
        {
            var reference = navigation.ForeignKey;
            if (reference.Properties is [var column]
                && kept.TryGetValue((reference.DeclaringEntityType.GetTableName()!, column.GetColumnName()), out var name))
                counted[(navigation.DeclaringEntityType.ClrType, navigation.Name)] = name;
        }
        return counted;
    }
}
