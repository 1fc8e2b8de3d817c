using GraphQL.Types;
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
            }
        }
        return input;
    }
}
