using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Builds the filter input types with HotChocolate's names and operations.</summary>
internal static class FilterInputTypes
{
    /// <summary><c>StringOperationFilterInput</c> and its kin, one per scalar type in use.</summary>
    public static InputObjectGraphType Operations(Type valueType)
    {
        var name = ScalarTypes.FilterInputName(valueType);
        var named = ScalarTypes.NamedGraphType(valueType);
        var input = new InputObjectGraphType
        {
            Name = name,
            Description = $"Conditions on a {ScalarTypes.Underlying(valueType).Name} value.",
        };
        if (ScalarTypes.IsString(valueType))
            AddCombinators(input, () => new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name))));
        foreach (var operation in FilterOperations.For(valueType))
        {
            input.AddField(new FieldType
            {
                Name = operation,
                Type = FilterOperations.IsList(operation) ? typeof(ListGraphType<>).MakeGenericType(named) : named,
                Description = FilterOperations.Describe(operation),
            });
        }
        return input;
    }

    public static InputObjectGraphType Entity(EntityModel model, IReadOnlyDictionary<Type, EntityModel> models)
    {
        var input = new InputObjectGraphType
        {
            Name = model.FilterInputName,
            Description = $"Conditions on {model.PluralName}; fields combine with AND.",
        };
        AddCombinators(input, () => new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.FilterInputName))));
        foreach (var field in model.Fields.Where(f => f.IsFilterable))
        {
            IGraphType type = field switch
            {
                ScalarField scalar => new GraphQLTypeReference(ScalarTypes.FilterInputName(scalar.ValueType)),
                ReferenceField reference => new GraphQLTypeReference(models[reference.TargetType].FilterInputName),
                ListField list => new GraphQLTypeReference(models[list.TargetType].ListFilterInputName),
                _ => throw new NotSupportedException(field.GetType().Name),
            };
            input.AddField(new FieldType { Name = field.Name, ResolvedType = type, Description = field.Description });
        }
        return input;
    }

    public static InputObjectGraphType List(EntityModel model)
    {
        var element = model.FilterInputName;
        var input = new InputObjectGraphType
        {
            Name = model.ListFilterInputName,
            Description = $"Conditions on a list of {model.PluralName}.",
        };
        input.AddField(new FieldType
        {
            Name = FilterOperations.All, ResolvedType = new GraphQLTypeReference(element), Description = "Every element matches.",
        });
        input.AddField(new FieldType
        {
            Name = FilterOperations.None, ResolvedType = new GraphQLTypeReference(element), Description = "No element matches.",
        });
        input.AddField(new FieldType
        {
            Name = FilterOperations.Some, ResolvedType = new GraphQLTypeReference(element), Description = "At least one element matches.",
        });
        input.AddField(new FieldType
        {
            Name = FilterOperations.Any, Type = typeof(BooleanGraphType), Description = "true: the list has elements; false: it is empty.",
        });
        return input;
    }

    public static bool IsFilterableScalar(Type valueType) =>
        ScalarTypes.ElementType(valueType) is null && ScalarTypes.Underlying(valueType) != typeof(uint);

    private static void AddCombinators(InputObjectGraphType input, Func<ListGraphType> list)
    {
        input.AddField(new FieldType { Name = FilterOperations.And, ResolvedType = list(), Description = "All of these conditions hold." });
        input.AddField(new FieldType
        {
            Name = FilterOperations.Or, ResolvedType = list(), Description = "At least one of these conditions holds.",
        });
    }
}
