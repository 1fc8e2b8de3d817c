using System.Linq.Expressions;

namespace ProductionReform.GraphQL.Data.Aggregation;

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
