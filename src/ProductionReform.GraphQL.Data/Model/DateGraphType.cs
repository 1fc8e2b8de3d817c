using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>GraphQL's calendar date without time, named <c>Date</c> as HotChocolate names it.</summary>
public sealed class DateGraphType : DateOnlyGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "A calendar date without time zone, ISO 8601 (yyyy-MM-dd).";
    }
}
