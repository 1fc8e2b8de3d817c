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
        var scope = source.Siblings?.Scope;
        var set = QueryKernel.Set(db, scope?.Parent ?? source.Model);
        (Expression Query, Type Row) Grouped(Expression rows, Expression? parentKey) =>
            Groups(source.Model, QueryKernel.Where(rows, source.Plan), parentKey, by, first, order, services);

        Expression query;
        Type rowType;
        if (scope is null) (query, rowType) = Grouped(set.Expression, parentKey: null);
        else
        {
            // Each parent's rows grouped in a lateral subquery of its own, so that `first` limits the groups of each parent.
            var p = Expression.Parameter(scope.Parent.ClrType, "p");
            var (perParent, type) = Grouped(scope.Children(p), scope.KeyOf(p));
            rowType = type;
            query = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany), [scope.Parent.ClrType, rowType],
                scope.Parents(set), Expression.Quote(Linq.SequenceSelector(perParent, rowType, p)));
        }
        query = Linq.Select(query, rowType, Final(db, rowType, by, related, services));
        return await set.Provider.CreateQuery<AggregateRow>(query).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The groups of the <paramref name="filtered"/> rows, an entity set or a parent's navigation collection alike, as
    /// <see cref="GroupRow{TKey}"/>s: each with its typed key and, in a nested read, its <paramref name="parentKey"/>.
    /// </summary>
    private static (Expression Query, Type Row) Groups(EntityModel model, Expression filtered, Expression? parentKey,
        IReadOnlyList<DataField> by, int? first, IReadOnlyList<(string Field, bool Descending)> order, DataServices services)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var keyValues = by.Select(field => KeyValue(field, x, services.Models)).ToList();
        Expression keyBody = keyValues.Count == 0 ? Expression.Constant(1) : GroupKeys.New(keyValues);
        var keySelector = Expression.Lambda(keyBody, x);
        var grouped = Linq.GroupBy(filtered, model.ClrType, keySelector);

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
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Count))!, count),
            Expression.Bind(typeof(AggregateRow).GetProperty(nameof(AggregateRow.Numbers))!,
                Expression.NewArrayInit(typeof(double?), numbers)),
        };
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
    private static LambdaExpression Final(DbContext db, Type rowType, IReadOnlyList<DataField> by,
        (IReadOnlyList<IEnumerable<GraphQLSelectionSet>> Selections, GraphQLDocument Document)? related, DataServices services)
    {
        var r = Expression.Parameter(rowType, "r");
        var row = Expression.Property(r, nameof(GroupRow<int>.Row));
        var key = Expression.Property(r, nameof(GroupRow<int>.Key));
        var keys = typeof(AggregateRow).GetProperty(nameof(AggregateRow.Keys))!;
        var relatedRows = typeof(AggregateRow).GetProperty(nameof(AggregateRow.Related))!;
        var bindings = typeof(AggregateRow).GetProperties().Where(p => p != keys && p != relatedRows)
            .Select(p => Expression.Bind(p, Expression.Property(row, p)))
            .Append(Expression.Bind(keys,
                Expression.NewArrayInit(typeof(object), by.Select((_, i) => Expression.Convert(GroupKeys.Member(key, i), typeof(object))))))
            .ToList();
        // Related objects only when a relation is grouped by: an array of nothing but null constants
        // would be folded into one constant, which EF Core refuses in a projection.
        if (related is { } selected && by.Any(f => f is ReferenceField))
        {
            var relatedObjects = by.Select((field, i) => field is ReferenceField reference
                ? Related(db, services, reference, GroupKeys.Member(key, i), selected.Selections[i], selected.Document)
                : Expression.Constant(null));
            bindings.Add(Expression.Bind(relatedRows,
                Expression.NewArrayInit(typeof(object), relatedObjects.Select(e => Expression.Convert(e, typeof(object))))));
        }
        return Expression.Lambda(Expression.MemberInit(Expression.New(typeof(AggregateRow)), bindings), r);
    }

    /// <summary>A relation groups by the related row's key, which EF Core reads from the foreign key without a join.</summary>
    private static Expression KeyValue(DataField field, ParameterExpression x, ModelRegistry models)
    {
        var member = ParameterRebinder.Rebind(field.Member, x);
        if (field is not ReferenceField reference) return member;
        return Expression.Convert(Expression.Property(member, models[reference.TargetType].Key), typeof(int?));
    }

    private static IEnumerable<Expression> Numbers(ScalarField field, ParameterExpression g, Type element) =>
        AggregateModel.Functions.Select(function => Statistic(function, field, g, element));

    /// <summary>
    /// <paramref name="function"/> (sum, avg, min, max) of a numeric field over <paramref name="rows"/>, as a nullable double:
    /// over a group, or over a relation's rows to sort by.
    /// </summary>
    public static Expression Statistic(string function, ScalarField field, Expression rows, Type element)
    {
        var y = Expression.Parameter(element, "y");
        var value = Expression.Lambda(Expression.Convert(ParameterRebinder.Rebind(field.Member, y), typeof(double?)), y);
        return Expression.Call(typeof(Enumerable), function switch
        {
            "sum" => nameof(Enumerable.Sum),
            "avg" => nameof(Enumerable.Average),
            "min" => nameof(Enumerable.Min),
            _ => nameof(Enumerable.Max),
        }, [element], rows, value);
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
