using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>Which fields of an entity can be summed and which it can be grouped by.</summary>
internal static class AggregateModel
{
    private static readonly HashSet<Type> Numeric =
        [typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float), typeof(short)];

    public static IReadOnlyList<ScalarField> NumericFields(EntityModel model) =>
        model.Fields.OfType<ScalarField>().Where(f => f.IsFilterable && Numeric.Contains(ScalarTypes.Underlying(f.ValueType))).ToList();

    /// <summary>Enums, booleans, strings, numbers and dates group by value; to-one relations by the related key.</summary>
    public static IReadOnlyList<DataField> GroupFields(EntityModel model) =>
        model.Fields.Where(f => f is ReferenceField || (f is ScalarField { IsFilterable: true, ElementType: null })).ToList();

    public static string NumericTypeName(EntityModel model) => model.Name + "NumericAggregate";
    public static string AggregateTypeName(EntityModel model) => model.Name + "Aggregate";
    public static string GroupTypeName(EntityModel model) => model.Name + "AggregateGroup";
    public static string GroupKeyTypeName(EntityModel model) => model.Name + "GroupKey";
    public static string GroupFieldTypeName(EntityModel model) => model.Name + "GroupField";

    public static readonly string[] Functions = ["sum", "avg", "min", "max"];
}
