using GraphQL.Types;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Sorting;

internal static class SortInputTypes
{
    public static InputObjectGraphType Entity(EntityModel model, ModelRegistry models)
    {
        var input = new InputObjectGraphType
        {
            Name = model.SortInputName,
            Description = $"A sort key of {model.PluralName}: set one field per element of the list; later elements break ties.",
        };
        foreach (var field in model.Fields.Where(f => f.IsSortable))
        {
            switch (field)
            {
                case ScalarField:
                    input.AddField(new FieldType { Name = field.Name, Type = typeof(SortEnumGraphType), Description = field.Description });
                    break;
                case ReferenceField reference:
                    input.AddField(new FieldType
                    {
                        Name = field.Name,
                        ResolvedType = new GraphQLTypeReference(models[reference.TargetType].SortInputName),
                        Description = field.Description
                    });
                    break;
                case ListField list:
                    var target = models[list.TargetType];
                    input.AddField(new FieldType
                    {
                        Name = field.Name,
                        ResolvedType = new GraphQLTypeReference(AggregateInputName(target)),
                        Description = AggregateModel.NumericFields(target).Count > 0
                            ? $"{field.Description} Sorts by their count, or the sum/avg/min/max of a numeric field."
                            : $"{field.Description} Sorts by their count.",
                    });
                    break;
            }
        }
        return input;
    }

    /// <summary>
    /// <c>&lt;Name&gt;AggregateSortInput { count sum avg min max }</c>, shaped as the <c>&lt;Name&gt;Aggregate</c> output, and
    /// <c>&lt;Name&gt;NumericAggregateSortInput</c> with a key per numeric field: how a to-many relation sorts its parent.
    /// </summary>
    public static IEnumerable<InputObjectGraphType> Aggregate(EntityModel model)
    {
        var numeric = AggregateModel.NumericFields(model);
        var input = new InputObjectGraphType
        {
            Name = AggregateInputName(model),
            Description = $"A sort key by a statistic of related {model.PluralName}: set one field." + (numeric.Count > 0
                ? " The sum of no rows is 0; their avg, min and max are null, which sort last ascending and first descending."
                : ""),
        };
        input.AddField(new FieldType { Name = "count", Type = typeof(SortEnumGraphType), Description = "By the number of related rows." });
        if (numeric.Count > 0)
        {
            var numbers = new InputObjectGraphType
            {
                Name = NumericInputName(model),
                Description = $"A numeric field of {model.PluralName} whose statistic sorts: set one field.",
            };
            foreach (var field in numeric)
                numbers.AddField(new FieldType { Name = field.Name, Type = typeof(SortEnumGraphType), Description = field.Description });
            foreach (var function in AggregateModel.SortFunctions)
            {
                input.AddField(new FieldType
                {
                    Name = function,
                    ResolvedType = numbers,
                    Description = $"By the {function} of a numeric field of the related rows.",
                });
            }
            yield return numbers;
        }
        yield return input;
    }

    private static string AggregateInputName(EntityModel model) => AggregateModel.AggregateTypeName(model) + "SortInput";

    private static string NumericInputName(EntityModel model) => AggregateModel.NumericTypeName(model) + "SortInput";
}
