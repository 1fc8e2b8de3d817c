using GraphQL;

namespace ProductionReform.GraphQL.Data;

/// <summary>A refused argument: the client sees the code and a message that says what was expected.</summary>
public sealed class DataError : ExecutionError
{
    public DataError(string code, string message) : base(message) => Code = code;

    public static DataError InvalidFilter(string message) => new("INVALID_FILTER", message);
    public static DataError InvalidOrder(string message) => new("INVALID_ORDER", message);
    public static DataError InvalidPaging(string message) => new("INVALID_PAGING_ARGUMENT", message);
    public static DataError InvalidCursor(string message) => new("INVALID_CURSOR", message);
    public static DataError InvalidId(string message) => new("INVALID_ID", message);
    public static DataError InvalidArgument(string message) => new("INVALID_ARGUMENT", message);
    public static DataError AsOfUnsupported(string message) => new("AS_OF_UNSUPPORTED", message);

    public static DataError LimitExceeded(string limit, int maximum, int measured, string what) =>
        new DataError("LIMIT_EXCEEDED", $"{what} is {measured}; the maximum is {maximum}.")
            .AddExtension("limit", limit).AddExtension("maximum", maximum).AddExtension("measured", measured);
}
