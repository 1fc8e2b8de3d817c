using System.Globalization;
using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Expressions;

/// <summary>A value EF Core sends as a SQL parameter, never spliced into the SQL text.</summary>
internal static class QueryParameter
{
    public static Expression Of(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(ValueBox<>).MakeGenericType(type), Convert(value, type))!;
        return Expression.Property(Expression.Constant(box), nameof(ValueBox<int>.Value));
    }

    /// <summary>A coerced argument value as the column's type (enums from their numbers, dates from DateTime).</summary>
    public static object? Convert(object? value, Type type)
    {
        if (value is null) return null;
        var target = ScalarTypes.Underlying(type);
        if (target.IsInstanceOfType(value)) return value;
        if (target.IsEnum) return Enum.ToObject(target, value);
        if (target == typeof(DateOnly) && value is DateTime dateTime) return DateOnly.FromDateTime(dateTime);
        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary><c>x => keys.Contains(x.Key)</c>, the keys sent as one array parameter.</summary>
    public static LambdaExpression KeyIn(EntityModel model, IEnumerable<int> keys) => KeyIn(model, Of(keys.ToList(), typeof(List<int>)));

    /// <summary><c>x => keys.Contains(x.Key)</c> over a <c>List&lt;int&gt;</c> expression.</summary>
    public static LambdaExpression KeyIn(EntityModel model, Expression keys)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        return Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            keys, Expression.Property(x, model.Key)), x);
    }

    /// <summary>The box and value <paramref name="node"/> reads when it is a parameter made by <see cref="Of"/>.</summary>
    public static (object Box, object? Value)? ValueOf(MemberExpression node) =>
        node.Expression is ConstantExpression { Value: IValueBox box } ? (box, box.Boxed) : null;

    private interface IValueBox
    {
        object? Boxed { get; }
    }

    private sealed class ValueBox<T>(T value) : IValueBox
    {
        public T Value { get; } = value;
        public object? Boxed => Value;
    }
}
