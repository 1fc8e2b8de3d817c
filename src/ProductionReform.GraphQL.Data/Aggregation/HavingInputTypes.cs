using GraphQL.Types;
using ProductionReform.GraphQL.Data.Filtering;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// <c>&lt;Entity&gt;AggregateHavingInput</c>: conditions on a group's count and statistics, shaped like <c>where</c> and
/// with its operation inputs (<c>IntOperationFilterInput</c> for counts, <c>FloatOperationFilterInput</c> for statistics).
/// </summary>
internal static class HavingInputTypes
{
    public static IEnumerable<IGraphType> Types(EntityModel model)
    {
        var numeric = AggregateModel.NumericFields(model);
        var counts = ScalarTypes.FilterInputName(typeof(int));
        var statistics = ScalarTypes.FilterInputName(typeof(double));

        var distinct = Input(AggregateModel.DistinctCountHavingInputName(model),
            $"Conditions on the number of distinct values of fields of {model.PluralName} in a group.");
        foreach (var field in AggregateModel.GroupFields(model)) Add(distinct, field.Name, counts, field.Description);
        yield return distinct;

        if (numeric.Count > 0)
        {
            var numbers = Input(AggregateModel.NumericHavingInputName(model),
                $"Conditions on a statistic of numeric fields of {model.PluralName} in a group.");
            foreach (var field in numeric) Add(numbers, field.Name, statistics, field.Description);
            yield return numbers;
        }

        var name = AggregateModel.HavingInputName(model);
        var having = Input(name, $"Conditions on groups of {model.PluralName} (SQL HAVING); fields combine with AND.");
        var list = () => new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name)));
        having.AddField(new FieldType
        {
            Name = FilterOperations.And, ResolvedType = list(), Description = "All of these conditions hold.",
        });
        having.AddField(new FieldType
        {
            Name = FilterOperations.Or, ResolvedType = list(), Description = "At least one of these conditions holds.",
        });
        Add(having, HavingTranslator.Count, counts, "The number of rows in the group.");
        Add(having, HavingTranslator.DistinctCount, distinct.Name, "The number of distinct non-null values of a field.");
        if (numeric.Count > 0)
        {
            foreach (var function in AggregateModel.Functions)
                Add(having, function, AggregateModel.NumericHavingInputName(model), AggregateModel.Describe(function));
        }
        yield return having;
    }

    private static InputObjectGraphType Input(string name, string description) => new() { Name = name, Description = description };

    private static void Add(InputObjectGraphType input, string name, string type, string? description) =>
        input.AddField(new FieldType { Name = name, ResolvedType = new GraphQLTypeReference(type), Description = description });
}
