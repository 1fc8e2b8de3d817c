using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Aggregation;

// Composite GROUP BY keys shaped like anonymous types (a constructor with members), which EF Core
// translates; one class per arity because a placeholder constant in GROUP BY would be read as a
// column position by PostgreSQL.
internal sealed class GroupKey<T0>(T0 k0) { public T0 K0 { get; } = k0; }
internal sealed class GroupKey<T0, T1>(T0 k0, T1 k1) { public T0 K0 { get; } = k0; public T1 K1 { get; } = k1; }
internal sealed class GroupKey<T0, T1, T2>(T0 k0, T1 k1, T2 k2) { public T0 K0 { get; } = k0; public T1 K1 { get; } = k1; public T2 K2 { get; } = k2; }
internal sealed class GroupKey<T0, T1, T2, T3>(T0 k0, T1 k1, T2 k2, T3 k3) { public T0 K0 { get; } = k0; public T1 K1 { get; } = k1; public T2 K2 { get; } = k2; public T3 K3 { get; } = k3; }

internal static class GroupKeys
{
    public const int MaxFields = 4;

    private static readonly Type[] Definitions = [typeof(GroupKey<>), typeof(GroupKey<,>), typeof(GroupKey<,,>), typeof(GroupKey<,,,>)];

    /// <summary><c>new GroupKey&lt;…&gt;(k0, k1, …)</c>, with members so EF Core sees a composite key.</summary>
    public static NewExpression New(IReadOnlyList<Expression> values)
    {
        var type = Definitions[values.Count - 1].MakeGenericType(values.Select(v => v.Type).ToArray());
        var members = Enumerable.Range(0, values.Count).Select(i => type.GetProperty("K" + i)!).ToArray();
        return Expression.New(type.GetConstructors()[0], values, members);
    }

    public static Expression Member(Expression key, int index) => Expression.Property(key, "K" + index);
}

/// <summary>One row of an aggregate: group key values, related objects for relation keys, count and numbers.</summary>
public sealed class AggregateRow
{
    public object?[] Keys { get; set; } = [];
    public object?[] Related { get; set; } = [];
    public int Count { get; set; }

    /// <summary>sum, avg, min, max of each numeric field, in that order, field after field.</summary>
    public double?[] Numbers { get; set; } = [];
}
