using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>
/// The pieces every condition input is made of — comparisons, <c>and</c>/<c>or</c>, lists and input objects — for
/// <c>where</c> (<see cref="FilterTranslator"/>) and aggregate <c>having</c> alike.
/// </summary>
internal static class Conditions
{
    /// <summary><paramref name="left"/> compared with <paramref name="right"/>; null when the operation is no comparison.</summary>
    public static Expression? Compare(string operation, Expression left, Expression right) => operation switch
    {
        FilterOperations.Eq => Expression.Equal(left, right),
        FilterOperations.Neq => Expression.NotEqual(left, right),
        FilterOperations.Gt => Expression.GreaterThan(left, right),
        FilterOperations.Gte => Expression.GreaterThanOrEqual(left, right),
        FilterOperations.Lt => Expression.LessThan(left, right),
        FilterOperations.Lte => Expression.LessThanOrEqual(left, right),
        FilterOperations.NotGt => Expression.Not(Expression.GreaterThan(left, right)),
        FilterOperations.NotGte => Expression.Not(Expression.GreaterThanOrEqual(left, right)),
        FilterOperations.NotLt => Expression.Not(Expression.LessThan(left, right)),
        FilterOperations.NotLte => Expression.Not(Expression.LessThanOrEqual(left, right)),
        _ => null,
    };

    /// <summary>The conditions joined as <paramref name="combinator"/> says: <c>and</c> (none: true) or <c>or</c> (none: false).</summary>
    public static Expression Combined(string combinator, IEnumerable<Expression> conditions) => combinator == FilterOperations.And
        ? All(conditions)
        : Combine(conditions, Expression.OrElse, false);

    public static Expression All(IEnumerable<Expression> conditions) => Combine(conditions, Expression.AndAlso, true);

    public static IEnumerable<object?> Items(object value) =>
        value as IEnumerable<object?> ?? throw DataError.InvalidFilter("Expected a list.");

    public static IDictionary<string, object?> Dictionary(object? value) =>
        value as IDictionary<string, object?> ?? throw DataError.InvalidFilter("Expected an input object.");

    private static Expression Combine(IEnumerable<Expression> conditions, Func<Expression, Expression, Expression> join, bool empty) =>
        conditions.Aggregate((Expression?)null, (all, next) => all is null ? next : join(all, next)) ?? Expression.Constant(empty);
}
