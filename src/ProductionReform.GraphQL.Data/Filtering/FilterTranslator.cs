using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Turns a coerced <c>where</c> argument into a predicate that EF Core translates to SQL.</summary>
internal sealed class FilterTranslator(ModelRegistry models, DataOptions options)
{
    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>The predicate for <paramref name="where"/>, or null when it places no condition.</summary>
    public LambdaExpression? Translate(EntityModel model, IDictionary<string, object?>? where)
    {
        if (where is null || where.Count == 0) return null;
        // Measured over the whole input first, so that and/or inside a field's operations count too and
        // the error reports the real depth, not the level at which the walk stopped.
        var depth = Depth(model, where);
        if (depth > options.MaxFilterDepth)
            throw DataError.LimitExceeded("maxFilterDepth", options.MaxFilterDepth, depth, "The nesting depth of 'where'");
        var x = Expression.Parameter(model.ClrType, "x");
        return Expression.Lambda(Object(model, x, where, depth: 1), x);
    }

    private Expression Object(EntityModel model, Expression instance, IDictionary<string, object?> where, int depth)
    {
        if (depth > options.MaxFilterDepth)
            throw DataError.LimitExceeded("maxFilterDepth", options.MaxFilterDepth, depth, "The nesting depth of 'where'");

        var conditions = new List<Expression>();
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            switch (name)
            {
                case FilterOperations.And or FilterOperations.Or:
                    conditions.Add(Combined(name, Items(value).Select(item => Object(model, instance, Dictionary(item), depth + 1))));
                    break;
                default:
                    var field = model.Find(name) ?? throw DataError.InvalidFilter($"{model.FilterInputName} has no field '{name}'.");
                    var member = ParameterRebinder.Rebind(field.Member, instance);
                    conditions.Add(field switch
                    {
                        ScalarField scalar => Operations(scalar, member, Dictionary(value)),
                        ReferenceField reference => Object(models[reference.TargetType], member, Dictionary(value), depth + 1),
                        ListField list => ListCondition(models[list.TargetType], member, Dictionary(value), depth + 1),
                        _ => throw new NotSupportedException(field.GetType().Name),
                    });
                    break;
            }
        }
        return Combine(conditions, Expression.AndAlso, true);
    }

    /// <summary>How deeply <paramref name="where"/> nests, counted as <see cref="Object"/> counts: each element of
    /// and/or (also inside a field's operations) and each relation is one level.</summary>
    private int Depth(EntityModel model, IDictionary<string, object?> where)
    {
        var deepest = 1;
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            var nested = FilterOperations.IsCombinator(name)
                ? Items(value).Select(item => Depth(model, Dictionary(item))).DefaultIfEmpty(0).Max()
                : model.Find(name) switch
                {
                    ScalarField => OperationDepth(Dictionary(value)) - 1,
                    ReferenceField reference => Depth(models[reference.TargetType], Dictionary(value)),
                    ListField list => Dictionary(value).Where(p => p.Key != FilterOperations.Any && p.Value is not null)
                        .Select(p => Depth(models[list.TargetType], Dictionary(p.Value))).DefaultIfEmpty(0).Max(),
                    _ => 0,
                };
            deepest = Math.Max(deepest, 1 + nested);
        }
        return deepest;
    }

    private static int OperationDepth(IDictionary<string, object?> operations) =>
        1 + operations.Where(p => FilterOperations.IsCombinator(p.Key) && p.Value is not null)
            .SelectMany(p => Items(p.Value!)).Select(item => OperationDepth(Dictionary(item))).DefaultIfEmpty(0).Max();

    private Expression ListCondition(EntityModel element, Expression collection, IDictionary<string, object?> where, int depth)
    {
        var conditions = new List<Expression>();
        foreach (var (operation, value) in where)
        {
            if (value is null) continue;
            if (operation == FilterOperations.Any)
            {
                var any = Linq.Any(collection, element.ClrType, null);
                conditions.Add((bool)value ? any : Expression.Not(any));
                continue;
            }
            var y = Expression.Parameter(element.ClrType, "y");
            var predicate = Expression.Lambda(Object(element, y, Dictionary(value), depth), y);
            conditions.Add(operation switch
            {
                FilterOperations.Some => Linq.Any(collection, element.ClrType, predicate),
                FilterOperations.None => Expression.Not(Linq.Any(collection, element.ClrType, predicate)),
                FilterOperations.All => Linq.All(collection, element.ClrType, predicate),
                _ => throw DataError.InvalidFilter($"{element.ListFilterInputName} has no operation '{operation}'."),
            });
        }
        return Combine(conditions, Expression.AndAlso, true);
    }

    private Expression Operations(ScalarField field, Expression member, IDictionary<string, object?> operations)
    {
        var conditions = new List<Expression>();
        foreach (var (operation, value) in operations)
        {
            switch (operation)
            {
                case FilterOperations.And or FilterOperations.Or:
                    if (value is not null)
                        conditions.Add(Combined(operation, Items(value).Select(item => Operations(field, member, Dictionary(item)))));
                    break;
                default:
                    conditions.Add(Operation(field, member, operation, value));
                    break;
            }
        }
        return Combine(conditions, Expression.AndAlso, true);
    }

    private Expression Operation(ScalarField field, Expression member, string operation, object? value)
    {
        if (!FilterOperations.For(field.ValueType).Contains(operation))
            throw DataError.InvalidFilter($"'{operation}' is not an operation of {ScalarTypes.FilterInputName(field.ValueType)}.");

        // A column that cannot hold null is never null: eq null matches no row, neq null every row
        // (converting null to the type would read it as false or 0).
        if (value is null && operation is FilterOperations.Eq or FilterOperations.Neq
            && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
            return Expression.Constant(operation == FilterOperations.Neq);

        switch (operation)
        {
            case FilterOperations.Eq: return Expression.Equal(member, QueryParameter.Of(value, member.Type));
            case FilterOperations.Neq: return Expression.NotEqual(member, QueryParameter.Of(value, member.Type));
            case FilterOperations.In: return InList(field, member, value);
            case FilterOperations.Nin: return Expression.Not(InList(field, member, value));
        }

        if (value is null)
            throw DataError.InvalidFilter($"'{field.Name}.{operation}' needs a value; null is only allowed with eq and neq.");

        return operation switch
        {
            FilterOperations.Contains => Like(member, "%" + LikePattern.Escape((string)value) + "%"),
            FilterOperations.StartsWith => Like(member, LikePattern.Escape((string)value) + "%"),
            FilterOperations.EndsWith => Like(member, "%" + LikePattern.Escape((string)value)),
            FilterOperations.NotContains => NotLike(member, "%" + LikePattern.Escape((string)value) + "%"),
            FilterOperations.NotStartsWith => NotLike(member, LikePattern.Escape((string)value) + "%"),
            FilterOperations.NotEndsWith => NotLike(member, "%" + LikePattern.Escape((string)value)),
            FilterOperations.Gt => Expression.GreaterThan(member, QueryParameter.Of(value, member.Type)),
            FilterOperations.Gte => Expression.GreaterThanOrEqual(member, QueryParameter.Of(value, member.Type)),
            FilterOperations.Lt => Expression.LessThan(member, QueryParameter.Of(value, member.Type)),
            FilterOperations.Lte => Expression.LessThanOrEqual(member, QueryParameter.Of(value, member.Type)),
            FilterOperations.NotGt => Expression.Not(Expression.GreaterThan(member, QueryParameter.Of(value, member.Type))),
            FilterOperations.NotGte => Expression.Not(Expression.GreaterThanOrEqual(member, QueryParameter.Of(value, member.Type))),
            FilterOperations.NotLt => Expression.Not(Expression.LessThan(member, QueryParameter.Of(value, member.Type))),
            FilterOperations.NotLte => Expression.Not(Expression.LessThanOrEqual(member, QueryParameter.Of(value, member.Type))),
            _ => throw DataError.InvalidFilter($"'{operation}' is not a known operation."),
        };
    }

    private Expression InList(ScalarField field, Expression member, object? value)
    {
        if (value is null) throw DataError.InvalidFilter($"'{field.Name}.in' and '{field.Name}.nin' need a list of values.");
        var items = Items(value).ToList();
        if (items.Count > options.MaxInListLength)
            throw DataError.LimitExceeded("maxInListLength", options.MaxInListLength, items.Count, $"The list given to '{field.Name}'");

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var item in items)
        {
            // null equals no value of a non-nullable column (and List<TEnum>.Add(null) would throw).
            if (item is null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null) continue;
            list.Add(QueryParameter.Convert(item, member.Type));
        }
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type],
            QueryParameter.Of(list, list.GetType()), member);
    }

    private static Expression Like(Expression member, string pattern) =>
        Expression.Call(ILike, Expression.Constant(EF.Functions), member, QueryParameter.Of(pattern, typeof(string)),
            Expression.Constant("\\"));

    // A null text contains nothing, so the negations hold for it.
    private static Expression NotLike(Expression member, string pattern) =>
        Expression.OrElse(Expression.Equal(member, Expression.Constant(null, typeof(string))), Expression.Not(Like(member, pattern)));


    /// <summary>The conditions joined as <paramref name="combinator"/> says: <c>and</c> (none: true) or <c>or</c> (none: false).</summary>
    private static Expression Combined(string combinator, IEnumerable<Expression> conditions) => combinator == FilterOperations.And
        ? Combine(conditions, Expression.AndAlso, true)
        : Combine(conditions, Expression.OrElse, false);

    private static Expression Combine(IEnumerable<Expression> conditions, Func<Expression, Expression, Expression> join, bool empty) =>
        conditions.Aggregate((Expression?)null, (all, next) => all is null ? next : join(all, next)) ?? Expression.Constant(empty);

    private static IEnumerable<object?> Items(object value) =>
        value as IEnumerable<object?> ?? throw DataError.InvalidFilter("Expected a list.");

    private static IDictionary<string, object?> Dictionary(object? value) =>
        value as IDictionary<string, object?> ?? throw DataError.InvalidFilter("Expected an input object.");

}
