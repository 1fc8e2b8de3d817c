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
/// of relation keys, in one statement.
/// </summary>
internal static class AggregateQuery
{
    public static async Task<List<AggregateRow>> RunAsync(DbContext db, AggregateSource source, AggregateRequest request,
        DataServices services, CancellationToken cancellationToken)
    {
        var model = source.Model;
        var entities = QueryKernel.Set(db, model);
        var filtered = QueryKernel.Where(entities.Expression, source.Plan);

        var x = Expression.Parameter(model.ClrType, "x");
        var keyValues = request.By.Select(field => GroupTerms.KeyValue(field, x, db.Model)).ToList();
        if (request.Bucket is { } bucket)
            keyValues.Add(TimeBuckets.Start(ParameterRebinder.Rebind(bucket.Field.Member, x), bucket.Unit));
        Expression keyBody = keyValues.Count == 0 ? Expression.Constant(1) : GroupKeys.New(keyValues);
        var keySelector = Expression.Lambda(keyBody, x);
        Expression query = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [model.ClrType, keyBody.Type], filtered,
            Expression.Quote(keySelector));

        var groupingType = typeof(IGrouping<,>).MakeGenericType(keyBody.Type, model.ClrType);
        var g = Expression.Parameter(groupingType, "g");
        var terms = new GroupTerms(g, model, db.Model);
        var key = Expression.Property(g, nameof(IGrouping<int, int>.Key));
        var keys = Enumerable.Range(0, keyValues.Count).Select(i => GroupKeys.Member(key, i)).ToList();

        if (request.Having is { } having)
        {
            var condition = HavingTranslator.Condition(model, terms, having, services.Options);
            query = Linq.Where(query, groupingType, Expression.Lambda(condition, g));
        }

        var ordered = false;
        foreach (var (field, descending) in request.Sort)
        {
            foreach (var term in field == "count" ? [terms.Count()] : keys)
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
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Keys))!,
                Expression.NewArrayInit(typeof(object), keys.Select(k => Expression.Convert(k, typeof(object))))),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, terms.Count()),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Numbers))!,
                Expression.NewArrayInit(typeof(double?), numbers)),
        };
        if (request.Distinct.Count > 0)
        {
            bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.DistinctCounts))!,
                Expression.NewArrayInit(typeof(int), request.Distinct.Select(terms.DistinctCount))));
        }
        // Related objects only when a relation is grouped by: an array of nothing but null constants
        // would be folded into one constant, which EF Core refuses in a projection.
        if (request.Document is { } document && request.By.Any(f => f is ReferenceField))
        {
            var relatedObjects = request.By.Select((field, i) => field is ReferenceField reference
                ? Related(db, services, reference, keys[i], request.RelatedSelections[i], document)
                : Expression.Constant(null));
            bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Related))!,
                Expression.NewArrayInit(typeof(object), relatedObjects.Select(e => Expression.Convert(e, typeof(object))))));
        }
        var row = Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings);
        query = Linq.Select(query, groupingType, Expression.Lambda(row, g));

        var rows = await entities.Provider.CreateQuery<AggregateRow>(query).ToListAsync(cancellationToken);
        return request is { Bucket: { Fill: true } filled, First: { } first }
            ? GroupFill.Fill(rows, filled.Unit, request.Sort[0].Descending, first)
            : rows;
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
