using System.ComponentModel;

namespace ProductionReform.GraphQL.Data.Aggregation;

[Description("The length of a time bucket; buckets start on the first day of the calendar unit (UTC for date-times).")]
internal enum TimeUnit
{
    [Description("A calendar year, starting 1 January.")]
    Year,

    [Description("A calendar quarter, starting 1 January, 1 April, 1 July or 1 October.")]
    Quarter,

    [Description("A calendar month, starting on its first day.")]
    Month,

    [Description("A calendar day.")]
    Day,
}
