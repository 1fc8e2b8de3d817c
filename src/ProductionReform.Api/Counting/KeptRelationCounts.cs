using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data.Counting;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Api.Counting;

/// <summary>The counts per parent the registry's database keeps (<see cref="KeptCounts"/>), read as <c>kept_count(…)</c>.</summary>
internal sealed class KeptRelationCounts(IReadOnlyModel model) : IKeptCounts
{
    private static readonly MethodInfo KeptCount = typeof(KeptCounts).GetMethod(nameof(KeptCounts.Of), [typeof(string), typeof(int)])!;

    private readonly Dictionary<(string Table, string Column), KeptRelation> _kept =
        KeptCounts.Relations(model).ToDictionary(r => (r.Table, r.Column));

    public Expression? CountOf(Type parentType, MemberInfo relation, Expression parentKey) =>
        model.FindEntityType(parentType)?.FindNavigation(relation.Name) is { IsOnDependent: false, ForeignKey: var reference }
            && reference.Properties is [var column]
            && _kept.TryGetValue((reference.DeclaringEntityType.GetTableName()!, column.GetColumnName()), out var kept)
            ? Expression.Call(KeptCount, Expression.Constant(kept.Name), parentKey)
            : null;
}
