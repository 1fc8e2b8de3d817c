using System.Linq.Expressions;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// GROUP BY in the database: keys (time buckets too), HAVING, count, numbers, distinct counts and the related objects
/// of relation keys, in one statement, for a root field or for every parent of a nested connection at once.
/// </summary>
internal static class AggregateQuery
{
    public static async Task<List<AggregateRow>> RunAsync(DbContext db, AggregateSource source, AggregateRequest request,
        CancellationToken cancellationToken)
    {
        var services = source.Services;
        var scope = source.Siblings?.Scope;
        var set = QueryKernel.Set(db, scope?.Parent ?? source.Model);
        (Expression Query, Type Row) Grouped(Expression rows, Expression? parentKey) =>
            Groups(db, source.Model, QueryKernel.Where(rows, source.Plan), parentKey, request, services);

        Expression query;
        Type rowType;
        if (scope is null) (query, rowType) = Grouped(set.Expression, parentKey: null);
        else
        {
            // Each parent's rows grouped in a lateral subquery of its own, so that `first` and `having` apply per parent.
            var p = Expression.Parameter(scope.Parent.ClrType, "p");
            var (perParent, type) = Grouped(scope.Children(p), scope.KeyOf(p));
            rowType = type;
            query = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany), [scope.Parent.ClrType, rowType],
                scope.Parents(set), Expression.Quote(Linq.SequenceSelector(perParent, rowType, p)));
        }
        query = Linq.Select(query, rowType, Final(db, rowType, request, services));
        var rows = await set.Provider.CreateQuery<AggregateRow>(query).ToListAsync(cancellationToken);
        return request is { Bucket: { Fill: true } filled, First: { } first }
            ? rows.GroupBy(row => row.ParentKey).SelectMany(series => GroupFill.Fill(series.ToList(), filled.Unit,
                request.Sort[0].Descending, first)).ToList()
            : rows;
    }

    /// <summary>
    /// The groups of the <paramref name="filtered"/> rows, an entity set or a parent's navigation collection alike, as
    /// <see cref="GroupRow{TKey}"/>s: each with its typed key and, in a nested read, its <paramref name="parentKey"/>.
    /// </summary>
    private static (Expression Query, Type Row) Groups(DbContext db, EntityModel model, Expression filtered, Expression? parentKey,
        AggregateRequest request, DataServices services)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var keyValues = request.By.Select(field => GroupTerms.KeyValue(field, x, db.Model)).ToList();
        if (request.Bucket is { } bucket)
            keyValues.Add(TimeBuckets.Start(ParameterRebinder.Rebind(bucket.Field.Member, x), bucket.Unit));
        Expression keyBody = keyValues.Count == 0 ? Expression.Constant(1) : GroupKeys.New(keyValues);
        var query = Linq.GroupBy(filtered, model.ClrType, Expression.Lambda(keyBody, x));

        var groupingType = typeof(IGrouping<,>).MakeGenericType(keyBody.Type, model.ClrType);
        var g = Expression.Parameter(groupingType, "g");
        var terms = new GroupTerms(g, model, db.Model);
        var key = Expression.Property(g, nameof(IGrouping<int, int>.Key));

        if (request.Having is { } having)
        {
            var condition = HavingTranslator.Condition(model, terms, having, services.Options);
            query = Linq.Where(query, groupingType, Expression.Lambda(condition, g));
        }

        var ordered = false;
        foreach (var (field, descending) in request.Sort)
        {
            var sortTerms = field == "count" ? [terms.Count()]
                : Enumerable.Range(0, keyValues.Count).Select(i => GroupKeys.Member(key, i)).ToList<Expression>();
            foreach (var term in sortTerms)
            {
                query = Linq.Order(query, groupingType, Expression.Lambda(term, g), descending, first: !ordered);
                ordered = true;
            }
        }
        if (request.First is { } limit) query = Linq.Take(query, groupingType, limit);

        var numbers = AggregateModel.NumericFields(model)
            .SelectMany(field => AggregateModel.Functions.Select(function => terms.Statistic(field, function)));
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, terms.Count()),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Numbers))!,
                Expression.NewArrayInit(typeof(double?), numbers)),
        };
        if (request.Distinct.Count > 0)
        {
            bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.DistinctCounts))!,
                Expression.NewArrayInit(typeof(int), request.Distinct.Select(terms.DistinctCount))));
        }
        if (parentKey is not null)
            bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.ParentKey))!, parentKey));
        var rowType = typeof(GroupRow<>).MakeGenericType(keyBody.Type);
        var row = Expression.MemberInit(Expression.New(rowType),
            Expression.Bind(rowType.GetProperty(nameof(GroupRow<int>.Key))!, key),
            Expression.Bind(rowType.GetProperty(nameof(GroupRow<int>.Row))!,
                Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings)));
        return (Linq.Select(query, groupingType, Expression.Lambda(row, g)), rowType);
    }

    /// <summary>
    /// The <see cref="AggregateRow"/> of a <see cref="GroupRow{TKey}"/>: its key values and the related objects of the
    /// relations grouped by, read from the typed key outside the GROUP BY (and outside a nested read's lateral subquery),
    /// where EF Core reads the values in the final projection and joins the related objects.
    /// </summary>
    private static LambdaExpression Final(DbContext db, Type rowType, AggregateRequest request, DataServices services)
    {
        var r = Expression.Parameter(rowType, "r");
        var row = Expression.Property(r, nameof(GroupRow<int>.Row));
        var key = Expression.Property(r, nameof(GroupRow<int>.Key));
        var keys = Enumerable.Range(0, request.KeyCount).Select(i => GroupKeys.Member(key, i)).ToList();
        var keysProperty = typeof(AggregateRow).GetProperty(nameof(AggregateRow.Keys))!;
        var relatedProperty = typeof(AggregateRow).GetProperty(nameof(AggregateRow.Related))!;
        var distinctProperty = typeof(AggregateRow).GetProperty(nameof(AggregateRow.DistinctCounts))!;
        var bindings = typeof(AggregateRow).GetProperties()
            .Where(p => p != keysProperty && p != relatedProperty && (p != distinctProperty || request.Distinct.Count > 0))
            .Select(p => Expression.Bind(p, Expression.Property(row, p)))
            .Append(Expression.Bind(keysProperty,
                Expression.NewArrayInit(typeof(object), keys.Select(k => Expression.Convert(k, typeof(object))))))
            .ToList();
        // Related objects only when a relation is grouped by: an array of nothing but null constants
        // would be folded into one constant, which EF Core refuses in a projection.
        if (request.Document is { } document && request.By.Any(f => f is ReferenceField))
        {
            var relatedObjects = request.By.Select((field, i) => field is ReferenceField reference
                ? Related(db, services, reference, keys[i], request.RelatedSelections[i], document)
                : Expression.Constant(null));
            bindings.Add(Expression.Bind(relatedProperty,
                Expression.NewArrayInit(typeof(object), relatedObjects.Select(e => Expression.Convert(e, typeof(object))))));
        }
        return Expression.Lambda(Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings), r);
    }

    /// <summary>The related object of a relation key, projected to what <c>key { relation { … } }</c> selects.</summary>
    private static Expression Related(DbContext db, DataServices services, ReferenceField reference, Expression key,
        IEnumerable<GraphQLSelectionSet> selections, GraphQLDocument document)
    {
        var target = services.Models[reference.TargetType];
        var t = Expression.Parameter(target.ClrType, "t");
        var plan = new QueryPlan(target)
        {
            Filter = Expression.Lambda(Expression.Equal(Expression.Convert(Expression.Property(t, target.Key), typeof(int?)), key), t),
            Selector = Expression.Lambda(services.Projections.Build(target, t, selections, document), t),
        };
        var query = QueryKernel.Rows(QueryKernel.Set(db, target).Expression, plan);
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [plan.RowType], query);
    }
}
