using System.Collections;
using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Filtering;
using ProductionReform.GraphQL.Data.Model;
using static ProductionReform.GraphQL.Data.Filtering.Conditions;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// Turns <c>having: { count: { gte: 2 }, avg: { employeeCount: { gt: 100 } } }</c> into a condition on the group's
/// statistics, which EF Core translates to SQL HAVING. Fields combine with AND, as in <c>where</c>.
/// </summary>
internal static class HavingTranslator
{
    public const string Count = "count";
    public const string DistinctCount = "distinctCount";

    public static Expression Condition(EntityModel model, GroupTerms terms, IDictionary<string, object?> having, DataOptions options,
        int depth = 1)
    {
        if (depth > options.MaxFilterDepth)
            throw DataError.LimitExceeded("maxFilterDepth", options.MaxFilterDepth, depth, "The nesting depth of 'having'");
        var conditions = new List<Expression>();
        foreach (var (name, value) in having)
        {
            if (value is null) continue;
            conditions.Add(name switch
            {
                FilterOperations.And or FilterOperations.Or => Combined(name,
                    Items(value).Select(item => Condition(model, terms, Dictionary(item), options, depth + 1))),
                Count => Comparisons(terms.Count(), Count, Dictionary(value)),
                DistinctCount => All(Dictionary(value).Where(p => p.Value is not null).Select(p =>
                    Comparisons(terms.DistinctCount(Field(model, p.Key)), $"{DistinctCount}.{p.Key}", Dictionary(p.Value)))),
                _ when AggregateModel.Functions.Contains(name) => All(Dictionary(value).Where(p => p.Value is not null).Select(p =>
                    Comparisons(terms.Statistic(NumericField(model, name, p.Key), name),
                        $"{name}.{p.Key}", Dictionary(p.Value)))),
                _ => throw DataError.InvalidFilter($"{AggregateModel.HavingInputName(model)} has no field '{name}'."),
            });
        }
        return All(conditions);
    }

    private static Expression Comparisons(Expression term, string path, IDictionary<string, object?> operations) =>
        All(operations.Select(p => Comparison(term, path, p.Key, p.Value)));

    private static Expression Comparison(Expression term, string path, string operation, object? value)
    {
        if (FilterOperations.IsList(operation))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(term.Type))!;
            foreach (var item in Items(value ?? throw DataError.InvalidFilter($"'having.{path}.{operation}' needs a list of values.")))
                if (item is not null) list.Add(QueryParameter.Convert(item, term.Type));
            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [term.Type],
                QueryParameter.Of(list, list.GetType()), term);
            return operation == FilterOperations.Nin ? Expression.Not(contains) : contains;
        }
        if (value is null && operation is not (FilterOperations.Eq or FilterOperations.Neq))
            throw DataError.InvalidFilter($"'having.{path}.{operation}' needs a value; null is only allowed with eq and neq.");

        // A statistic is null over no values (avg of an empty column); a count never is.
        var nullable = term.Type.IsValueType && Nullable.GetUnderlyingType(term.Type) is null
            ? typeof(Nullable<>).MakeGenericType(term.Type) : term.Type;
        var left = value is null ? Expression.Convert(term, nullable) : term;
        var right = value is null ? Expression.Constant(null, nullable) : QueryParameter.Of(value, term.Type);
        return Conditions.Compare(operation, left, right)
            ?? throw DataError.InvalidFilter($"'{operation}' is not an operation of 'having.{path}'.");
    }

    private static DataField Field(EntityModel model, string name) =>
        AggregateModel.GroupFields(model).FirstOrDefault(f => f.Name == name)
        ?? throw DataError.InvalidFilter($"{model.Name} has no field '{name}' to aggregate.");

    private static ScalarField NumericField(EntityModel model, string function, string name) =>
        AggregateModel.NumericFields(model).FirstOrDefault(f => f.Name == name)
        ?? throw DataError.InvalidFilter($"'having.{function}.{name}': {function} needs a numeric field of {model.Name}.");
}
