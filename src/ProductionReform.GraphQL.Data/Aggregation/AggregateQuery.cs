using System.Linq.Expressions;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>GROUP BY in the database: keys, count, numbers and the related objects of relation keys, in one statement.</summary>
internal static class AggregateQuery
{
    public static async Task<List<AggregateRow>> RunAsync(DbContext db, AggregateSource source, IReadOnlyList<DataField> by, int? first,
        IReadOnlyList<(string Field, bool Descending)> order,
        (IReadOnlyList<IEnumerable<GraphQLSelectionSet>> Selections, GraphQLDocument Document)? related, DataServices services,
        CancellationToken cancellationToken)
    {
        var model = source.Model;
        var entities = QueryKernel.Set(db, model);
        var filtered = QueryKernel.Where(entities.Expression, source.Plan);

        var x = Expression.Parameter(model.ClrType, "x");
        var keyValues = by.Select(field => KeyValue(field, x, services.Models)).ToList();
        Expression keyBody = keyValues.Count == 0 ? Expression.Constant(1) : GroupKeys.New(keyValues);
        var keySelector = Expression.Lambda(keyBody, x);
        var grouped = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [model.ClrType, keyBody.Type], filtered,
            Expression.Quote(keySelector));

        var groupingType = typeof(IGrouping<,>).MakeGenericType(keyBody.Type, model.ClrType);
        var g = Expression.Parameter(groupingType, "g");
        var key = Expression.Property(g, nameof(IGrouping<int, int>.Key));
        var count = Expression.Call(typeof(Enumerable), nameof(Enumerable.Count), [model.ClrType], g);

        Expression query = grouped;
        var ordered = false;
        foreach (var (field, descending) in order.Count > 0 || by.Count == 0 ? order : [("count", true), ("key", false)])
        {
            var terms = field == "count" ? [count] : by.Select((_, i) => GroupKeys.Member(key, i)).ToList<Expression>();
            foreach (var term in terms)
            {
                query = Linq.Order(query, groupingType, Expression.Lambda(term, g), descending, first: !ordered);
                ordered = true;
            }
        }
        if (first is { } limit) query = Linq.Take(query, groupingType, limit);

        var numbers = AggregateModel.NumericFields(model).SelectMany(field => Numbers(field, g, model.ClrType));
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Keys))!,
                Expression.NewArrayInit(typeof(object), by.Select((_, i) => Expression.Convert(GroupKeys.Member(key, i), typeof(object))))),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, count),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Numbers))!,
                Expression.NewArrayInit(typeof(double?), numbers)),
        };
        // Related objects only when a relation is grouped by: an array of nothing but null constants
        // would be folded into one constant, which EF Core refuses in a projection.
        if (related is { } r && by.Any(f => f is ReferenceField))
        {
            var relatedObjects = by.Select((field, i) => field is ReferenceField reference
                ? Related(db, services, reference, GroupKeys.Member(key, i), r.Selections[i], r.Document)
                : Expression.Constant(null));
            bindings.Add(Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Related))!,
                Expression.NewArrayInit(typeof(object), relatedObjects.Select(e => Expression.Convert(e, typeof(object))))));
        }
        var row = Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings);
        query = Linq.Select(query, groupingType, Expression.Lambda(row, g));

        return await entities.Provider.CreateQuery<AggregateRow>(query).ToListAsync(cancellationToken);
    }

    /// <summary>A relation groups by the related row's key, which EF Core reads from the foreign key without a join.</summary>
    private static Expression KeyValue(DataField field, ParameterExpression x, ModelRegistry models)
    {
        var member = ParameterRebinder.Rebind(field.Member, x);
        if (field is not ReferenceField reference) return member;
        return Expression.Convert(Expression.Property(member, models[reference.TargetType].Key), typeof(int?));
    }

    private static IEnumerable<Expression> Numbers(ScalarField field, ParameterExpression g, Type element)
    {
        var y = Expression.Parameter(element, "y");
        var value = Expression.Lambda(Expression.Convert(ParameterRebinder.Rebind(field.Member, y), typeof(double?)), y);
        return AggregateModel.Functions.Select(function => (Expression)Expression.Call(typeof(Enumerable), function switch
        {
            "sum" => nameof(Enumerable.Sum),
            "avg" => nameof(Enumerable.Average),
            "min" => nameof(Enumerable.Min),
            _ => nameof(Enumerable.Max),
        }, [element], g, value));
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
