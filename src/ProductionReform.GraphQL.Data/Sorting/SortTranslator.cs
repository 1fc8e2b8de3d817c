using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Sorting;

/// <summary>Turns a coerced <c>order</c> argument into sort keys, ending with the primary key as tie-breaker.</summary>
internal static class SortTranslator
{
    public static IReadOnlyList<SortKey> Translate(EntityModel model, ModelRegistry models, IEnumerable<object?>? order)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var keys = new List<SortKey>();
        foreach (var item in order ?? [])
        {
            if (item is not IDictionary<string, object?> fields)
                throw DataError.InvalidOrder("Each element of 'order' must be an input object.");
            foreach (var (name, value) in fields)
            {
                if (value is not null) Collect(model, models, x, name, value, name, keys, x);
            }
        }
        keys.Add(new SortKey("id", Expression.Lambda(Expression.Property(x, model.Key), x), Descending: false));
        return keys;
    }

    private static void Collect(EntityModel model, ModelRegistry models, ParameterExpression root, string name, object value, string path,
        List<SortKey> keys, Expression instance)
    {
        var field = model.Find(name);
        if (field is null || !field.IsSortable)
            throw DataError.InvalidOrder($"{model.SortInputName} has no sortable field '{name}'.");
        var member = ParameterRebinder.Rebind(field.Member, instance);
        switch (field, value)
        {
            case (ScalarField, SortEnumType direction):
                keys.Add(new SortKey(path, Expression.Lambda(Comparable(member), root), direction == SortEnumType.Desc));
                break;
            case (ReferenceField reference, IDictionary<string, object?> nested):
                foreach (var (childName, childValue) in nested)
                {
                    if (childValue is not null)
                        Collect(models[reference.TargetType], models, root, childName, childValue, $"{path}.{childName}", keys, member);
                }
                break;
            case (ListField list, IDictionary<string, object?> statistics):
                foreach (var (statistic, statisticValue) in statistics)
                {
                    if (statisticValue is not null)
                        Statistic(models[list.TargetType], root, member, statistic, statisticValue, $"{path}.{statistic}", keys);
                }
                break;
            default:
                throw DataError.InvalidOrder($"'{path}' expects {(field is ScalarField ? "ASC or DESC" : "an input object")}.");
        }
    }

    /// <summary>
    /// Keys by a statistic of a to-many relation's rows, a correlated subquery in SQL: <c>count</c>, or
    /// <c>sum</c>/<c>avg</c>/<c>min</c>/<c>max</c> of numeric fields, computed as the aggregates compute them.
    /// </summary>
    private static void Statistic(EntityModel target, ParameterExpression root, Expression rows, string statistic, object value,
        string path, List<SortKey> keys)
    {
        switch (statistic, value)
        {
            case ("count", SortEnumType direction):
                keys.Add(new SortKey(path, Expression.Lambda(Linq.Count(rows, target.ClrType), root), direction == SortEnumType.Desc));
                break;
            case (_, IDictionary<string, object?> fields) when AggregateModel.SortFunctions.Contains(statistic):
                foreach (var (name, fieldValue) in fields)
                {
                    if (fieldValue is not SortEnumType fieldDirection) continue;
                    var field = AggregateModel.NumericFields(target).FirstOrDefault(f => f.Name == name)
                        ?? throw DataError.InvalidOrder($"'{path}' has no numeric field '{name}'.");
                    var key = GroupTerms.Statistic(rows, target.ClrType, field, statistic);
                    keys.Add(new SortKey($"{path}.{name}", Expression.Lambda(key, root), fieldDirection == SortEnumType.Desc));
                }
                break;
            default:
                throw DataError.InvalidOrder($"'{path}' expects {(statistic == "count" ? "ASC or DESC" : "an input object")}.");
        }
    }

    /// <summary>
    /// Enums sort by declaration order and booleans false before true, as integers: a CASE expression in
    /// SQL that keyset paging can compare with <c>&lt;</c> and <c>&gt;</c>, whatever the column stores.
    /// </summary>
    private static Expression Comparable(Expression member)
    {
        var type = ScalarTypes.Underlying(member.Type);
        if (!type.IsEnum && type != typeof(bool)) return member;

        var values = type.IsEnum ? Enum.GetValues(type).Cast<object>().ToArray() : [false, true];
        var nullable = Nullable.GetUnderlyingType(member.Type) is not null;
        var resultType = nullable ? typeof(int?) : typeof(int);
        Expression result = nullable ? Expression.Constant(null, typeof(int?)) : Expression.Constant(values.Length, typeof(int));
        for (var i = values.Length - 1; i >= 0; i--)
        {
            result = Expression.Condition(
                Expression.Equal(member, Expression.Constant(values[i], member.Type)),
                Expression.Constant(i, resultType),
                result);
        }
        return result;
    }
}
