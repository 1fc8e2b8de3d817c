using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>
/// The rows after a cursor in a given order: (k1 beyond v1) OR (k1 = v1 AND k2 beyond v2) OR …
/// PostgreSQL sorts NULL last ascending and first descending; "beyond" follows the same rule.
/// </summary>
internal static class Keyset
{
    public static LambdaExpression After(Type entity, IReadOnlyList<SortKey> keys, object?[] values)
    {
        var x = Expression.Parameter(entity, "x");
        Expression? any = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var key = ParameterRebinder.Rebind(keys[i].Key, x);
            var beyond = Beyond(key, values[i], keys[i].Descending);
            if (beyond is not null)
            {
                var term = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
                any = any is null ? term : Expression.OrElse(any, term);
            }
            var equal = values[i] is null
                ? Expression.Equal(key, Expression.Constant(null, key.Type))
                : Compare(key, values[i], ExpressionType.Equal);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        return Expression.Lambda(any ?? Expression.Constant(false), x);
    }

    private static Expression? Beyond(Expression key, object? value, bool descending)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        // Only a nullable key can be compared with null (Expression.Constant(null, typeof(int)) throws).
        Expression IsNull() => Expression.Equal(key, Expression.Constant(null, key.Type));
        if (!descending)
        {
            if (value is null) return null;
            var greater = Compare(key, value, ExpressionType.GreaterThan);
            return nullable ? Expression.OrElse(greater, IsNull()) : greater;
        }
        return value is null ? Expression.Not(IsNull()) : Compare(key, value, ExpressionType.LessThan);
    }

    private static Expression Compare(Expression key, object? value, ExpressionType comparison)
    {
        var parameter = QueryParameter.Of(value, key.Type);
        if (key.Type != typeof(string) || comparison == ExpressionType.Equal) return Expression.MakeBinary(comparison, key, parameter);

        // string.Compare(a, b) > 0 is how EF Core spells a > b for text.
        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, parameter);
        return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
    }
}
