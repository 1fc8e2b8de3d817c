using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>Which fields of an entity can be summed, counted distinctly, bucketed by time and grouped by.</summary>
internal static class AggregateModel
{
    private static readonly HashSet<Type> Numeric =
        [typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float), typeof(short)];

    private static readonly HashSet<Type> Dates = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

    public static IReadOnlyList<ScalarField> NumericFields(EntityModel model) =>
        model.Fields.OfType<ScalarField>().Where(f => f.IsFilterable && Numeric.Contains(ScalarTypes.Underlying(f.ValueType))).ToList();

    /// <summary>Dates and date-times: what a time bucket truncates.</summary>
    public static IReadOnlyList<ScalarField> DateFields(EntityModel model) =>
        model.Fields.OfType<ScalarField>().Where(f => f.IsFilterable && Dates.Contains(ScalarTypes.Underlying(f.ValueType))).ToList();

    /// <summary>Enums, booleans, strings, numbers and dates group by value; to-one relations by the related key.</summary>
    public static IReadOnlyList<DataField> GroupFields(EntityModel model) =>
        model.Fields.Where(f => f is ReferenceField || (f is ScalarField { IsFilterable: true, ElementType: null })).ToList();

    public static string NumericTypeName(EntityModel model) => model.Name + "NumericAggregate";
    public static string DistinctCountTypeName(EntityModel model) => model.Name + "DistinctCount";
    public static string AggregateTypeName(EntityModel model) => model.Name + "Aggregate";
    public static string GroupTypeName(EntityModel model) => model.Name + "AggregateGroup";
    public static string GroupKeyTypeName(EntityModel model) => model.Name + "GroupKey";
    public static string GroupFieldTypeName(EntityModel model) => model.Name + "GroupField";
    public static string DateFieldTypeName(EntityModel model) => model.Name + "DateField";
    public static string TimeBucketInputName(EntityModel model) => model.Name + "TimeBucketInput";
    public static string HavingInputName(EntityModel model) => model.Name + "AggregateHavingInput";
    public static string NumericHavingInputName(EntityModel model) => model.Name + "NumericHavingInput";
    public static string DistinctCountHavingInputName(EntityModel model) => model.Name + "DistinctCountHavingInput";

    public static readonly string[] Functions = ["sum", "avg", "min", "max", "stddev", "variance"];

    /// <summary>
    /// The statistics a relation's rows sort by, in a correlated subquery: EF Core translates Npgsql's stddev_samp and
    /// var_samp over a GROUP BY only, so the deviations are left out here.
    /// </summary>
    public static readonly string[] SortFunctions = ["sum", "avg", "min", "max"];

    public static string Describe(string function) => function switch
    {
        "stddev" => "The sample standard deviation (stddev_samp, n − 1) of each numeric field; null over fewer than two rows.",
        "variance" => "The sample variance (var_samp, n − 1) of each numeric field; null over fewer than two rows.",
        _ => $"The {function} of each numeric field.",
    };
}
