using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Builds the filter input types with HotChocolate's names and operations.</summary>
internal static class FilterInputTypes
{
    public static readonly string[] StringOperations = ["eq", "neq", "contains", "ncontains", "in", "nin", "startsWith", "nstartsWith", "endsWith", "nendsWith"];
    public static readonly string[] ComparableOperations = ["eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"];
    public static readonly string[] EqualityOperations = ["eq", "neq"];
    public static readonly string[] EnumOperations = ["eq", "neq", "in", "nin"];

    public static string[] OperationsFor(Type valueType) =>
        ScalarTypes.IsString(valueType) ? StringOperations
        : ScalarTypes.IsBoolean(valueType) ? EqualityOperations
        : ScalarTypes.IsEnum(valueType) ? EnumOperations
        : ComparableOperations;

    /// <summary><c>StringOperationFilterInput</c> and its kin, one per scalar type in use.</summary>
    public static InputObjectGraphType Operations(Type valueType)
    {
        var name = ScalarTypes.FilterInputName(valueType);
        var named = ScalarTypes.NamedGraphType(valueType);
        var input = new InputObjectGraphType { Name = name, Description = $"Conditions on a {ScalarTypes.Underlying(valueType).Name} value." };
        if (ScalarTypes.IsString(valueType))
        {
            var self = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name)));
            input.AddField(new FieldType { Name = "and", ResolvedType = self, Description = "All of these conditions hold." });
            input.AddField(new FieldType { Name = "or", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name))), Description = "At least one of these conditions holds." });
        }
        foreach (var operation in OperationsFor(valueType))
        {
            var isList = operation is "in" or "nin";
            input.AddField(new FieldType
            {
                Name = operation,
                Type = isList ? typeof(ListGraphType<>).MakeGenericType(named) : named,
                Description = Describe(operation),
            });
        }
        return input;
    }

    public static InputObjectGraphType Entity(EntityModel model, IReadOnlyDictionary<Type, EntityModel> models)
    {
        var input = new InputObjectGraphType { Name = model.FilterInputName, Description = $"Conditions on {model.PluralName}; fields combine with AND." };
        input.AddField(new FieldType { Name = "and", ResolvedType = SelfList(model), Description = "All of these conditions hold." });
        input.AddField(new FieldType { Name = "or", ResolvedType = SelfList(model), Description = "At least one of these conditions holds." });
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
        var input = new InputObjectGraphType { Name = model.ListFilterInputName, Description = $"Conditions on a list of {model.PluralName}." };
        input.AddField(new FieldType { Name = "all", ResolvedType = new GraphQLTypeReference(element), Description = "Every element matches." });
        input.AddField(new FieldType { Name = "none", ResolvedType = new GraphQLTypeReference(element), Description = "No element matches." });
        input.AddField(new FieldType { Name = "some", ResolvedType = new GraphQLTypeReference(element), Description = "At least one element matches." });
        input.AddField(new FieldType { Name = "any", Type = typeof(BooleanGraphType), Description = "true: the list has elements; false: it is empty." });
        return input;
    }

    public static bool IsFilterableScalar(Type valueType) =>
        ScalarTypes.ElementType(valueType) is null && ScalarTypes.Underlying(valueType) != typeof(uint);

    private static ListGraphType SelfList(EntityModel model) => new(new NonNullGraphType(new GraphQLTypeReference(model.FilterInputName)));

    private static string Describe(string operation) => operation switch
    {
        "eq" => "Equals (null: the value is null).",
        "neq" => "Does not equal (null: the value is not null).",
        "in" => "Equals one of these values.",
        "nin" => "Equals none of these values.",
        "contains" => "Contains this text, ignoring case.",
        "ncontains" => "Does not contain this text, ignoring case.",
        "startsWith" => "Starts with this text, ignoring case.",
        "nstartsWith" => "Does not start with this text, ignoring case.",
        "endsWith" => "Ends with this text, ignoring case.",
        "nendsWith" => "Does not end with this text, ignoring case.",
        "gt" => "Greater than.",
        "ngt" => "Not greater than.",
        "gte" => "Greater than or equal.",
        "ngte" => "Not greater than or equal.",
        "lt" => "Less than.",
        "nlt" => "Not less than.",
        "lte" => "Less than or equal.",
        "nlte" => "Not less than or equal.",
        _ => operation,
    };
}
