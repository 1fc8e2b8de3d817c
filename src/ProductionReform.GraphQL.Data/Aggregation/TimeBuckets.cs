using System.Linq.Expressions;
using System.Reflection;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// Truncates a date or date-time to the start of its bucket, as SQL (<c>make_date(year, month, day)</c> of the value's
/// parts, UTC for date-times), and steps from one bucket to the next for <c>fill</c>.
/// </summary>
internal static class TimeBuckets
{
    private static readonly ConstructorInfo NewDate = typeof(DateOnly).GetConstructor([typeof(int), typeof(int), typeof(int)])!;

    /// <summary>The first day of the bucket <paramref name="date"/> falls in, null when the date is null.</summary>
    public static Expression Start(Expression date, TimeUnit unit)
    {
        var value = Nullable.GetUnderlyingType(date.Type) is null ? date : Expression.Property(date, nameof(Nullable<int>.Value));
        Expression Part(string name) => Expression.Property(value, name);
        var one = Expression.Constant(1);
        var month = unit switch
        {
            TimeUnit.Year => one,
            // The first month of the quarter: (month - 1) / 3 * 3 + 1, in integer arithmetic.
            TimeUnit.Quarter => Expression.Add(Expression.Multiply(Expression.Divide(
                Expression.Subtract(Part(nameof(DateOnly.Month)), one), Expression.Constant(3)), Expression.Constant(3)), one),
            _ => Part(nameof(DateOnly.Month)),
        };
        var day = unit == TimeUnit.Day ? Part(nameof(DateOnly.Day)) : one;
        return Expression.Convert(Expression.New(NewDate, Part(nameof(DateOnly.Year)), month, day), typeof(DateOnly?));
    }

    /// <summary>The start of the bucket <paramref name="steps"/> units after (or, negative, before) <paramref name="start"/>.</summary>
    public static DateOnly Step(DateOnly start, TimeUnit unit, int steps) => unit switch
    {
        TimeUnit.Year => start.AddYears(steps),
        TimeUnit.Quarter => start.AddMonths(3 * steps),
        TimeUnit.Month => start.AddMonths(steps),
        _ => start.AddDays(steps),
    };
}
