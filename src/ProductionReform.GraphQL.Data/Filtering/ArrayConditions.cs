using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Expressions;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>
/// some/none/all over a list column (a PostgreSQL array) with one equality against a set of values (eq/in, or its
/// negation neq/nin), as the array operators <c>&amp;&amp;</c> (overlaps) and <c>&lt;@</c> (is contained by): one
/// comparison per row that a GIN index on the column can serve, where the general form unnests the array per row.
/// </summary>
internal static class ArrayConditions
{
    /// <param name="quantifier">some, none or all.</param>
    /// <param name="equal">true for eq/in (the element is in <paramref name="set"/>), false for neq/nin.</param>
    /// <param name="set">The values, one array parameter of the element type.</param>
    public static Expression Quantified(string quantifier, bool equal, Expression array, Type element, Expression set)
    {
        // "some element is in S" is overlap; "every element is in S" is containment; the rest are their negations.
        var overlaps = Linq.Any(array, element, InSet(element, set));
        var containedBy = Linq.All(array, element, InSet(element, set));
        return (quantifier, equal) switch
        {
            (FilterOperations.Some, true) => overlaps,
            (FilterOperations.Some, false) => Expression.Not(containedBy),
            (FilterOperations.None, true) => Expression.Not(overlaps),
            (FilterOperations.None, false) => containedBy,
            (FilterOperations.All, true) => containedBy,
            (FilterOperations.All, false) => Expression.Not(overlaps),
            _ => throw new ArgumentOutOfRangeException(nameof(quantifier), quantifier, "Expected some, none or all."),
        };
    }

    private static LambdaExpression InSet(Type element, Expression set)
    {
        var value = Expression.Parameter(element, "value");
        return Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], set, value), value);
    }
}
