namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>
/// The checks of page-size arguments (<c>first</c>, <c>last</c>, <c>take</c>, <c>skip</c>), worded alike wherever they are given.
/// </summary>
public static class PagingArguments
{
    /// <exception cref="DataError">INVALID_PAGING_ARGUMENT when <paramref name="value"/> is negative.</exception>
    public static void NotNegative(int? value, string argument)
    {
        if (value < 0) throw DataError.InvalidPaging($"'{argument}' must be 0 or more; it is {value}.");
    }

    /// <summary>The page size asked for, or <paramref name="defaultSize"/> when none is.</summary>
    /// <exception cref="DataError">
    /// INVALID_PAGING_ARGUMENT when negative, LIMIT_EXCEEDED (maxPageSize) above <paramref name="maximum"/>.
    /// </exception>
    public static int PageSize(int? requested, string argument, int defaultSize, int maximum)
    {
        NotNegative(requested, argument);
        if (requested > maximum) throw DataError.LimitExceeded("maxPageSize", maximum, requested.Value, $"'{argument}'");
        return requested ?? defaultSize;
    }
}
