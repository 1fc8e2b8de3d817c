using System.Globalization;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>Checks a declaration adds to a writable field, with the mutation codes they report.</summary>
public static class WriteChecks
{
    /// <summary>Numbers below <paramref name="minimum"/> are refused with INVALID_RANGE.</summary>
    public static WriteOptions Minimum(this WriteOptions options, decimal minimum) => options.Check(value =>
        Convert.ToDecimal(value, CultureInfo.InvariantCulture) < minimum
            ? (MutationCodes.InvalidRange, $"'{options.FieldName}' must be {minimum} or more; it is {value}.")
            : null);
}
