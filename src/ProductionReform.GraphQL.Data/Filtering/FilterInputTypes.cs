using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Builds the filter input types with HotChocolate's names and operations.</summary>
internal static class FilterInputTypes
{
    /// <summary>The string operations plus <c>matches</c>, for text columns with a trigram index.</summary>
    public const string SearchableStringName = "SearchableStringOperationFilterInput";

    /// <summary>The operation input a scalar field filters through.</summary>
    public static string OperationsName(ScalarField field) =>
        field.ElementType is { } element ? ListName(element)
        : field.IsTrigramIndexed ? SearchableStringName
        : ScalarTypes.FilterInputName(field.ValueType);

    /// <summary><c>ListFilterInputTypeOfSkillLevelOperationFilterInput</c>: a list of values, as HotChocolate names it.</summary>
    public static string ListName(Type elementType) => "ListFilterInputTypeOf" + ScalarTypes.FilterInputName(elementType);

    /// <summary>
    /// Every operation input the filterable <paramref name="fields"/> need: one per value type, one per element type of a list,
    /// the searchable strings', and <c>IntOperationFilterInput</c>, which every list's <c>count</c> takes.
    /// </summary>
    public static IEnumerable<InputObjectGraphType> OperationTypes(IEnumerable<ScalarField> fields)
    {
        var filterable = fields.Where(f => f.IsFilterable).ToList();
        // Counts (Int) and aggregate having (Int counts, Float statistics) compare with the same operation inputs.
        var valueTypes = filterable.Select(f => ScalarTypes.Underlying(f.ElementType ?? f.ValueType))
            .Append(typeof(int)).Append(typeof(double)).Distinct();
        foreach (var valueType in valueTypes) yield return Operations(valueType, searchable: false);
        if (filterable.Any(f => f.IsTrigramIndexed)) yield return Operations(typeof(string), searchable: true);
        foreach (var element in filterable.Select(f => f.ElementType).OfType<Type>().Select(ScalarTypes.Underlying).Distinct())
        {
            yield return Quantifiers(ListName(element), $"Conditions on a list of {element.Name} values.",
                ScalarTypes.FilterInputName(element));
        }
    }

    /// <summary><c>StringOperationFilterInput</c> and its kin, one per scalar type in use.</summary>
    private static InputObjectGraphType Operations(Type valueType, bool searchable)
    {
        var name = searchable ? SearchableStringName : ScalarTypes.FilterInputName(valueType);
        var named = ScalarTypes.NamedGraphType(valueType);
        var input = new InputObjectGraphType
        {
            Name = name,
            Description = searchable
                ? "Conditions on a text value with a trigram index: the string operations and `matches`."
                : $"Conditions on a {ScalarTypes.Underlying(valueType).Name} value.",
        };
        if (ScalarTypes.IsString(valueType))
            AddCombinators(input, () => new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(name))));
        foreach (var operation in FilterOperations.For(valueType, searchable))
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
        input.AddField(new FieldType
        {
            Name = FilterOperations.Not,
            ResolvedType = new GraphQLTypeReference(model.FilterInputName),
            Description = "These conditions do not hold: exactly the rows the object would not match (a null compared is no match, " +
                          "so its row is in the negation).",
        });
        foreach (var field in model.Fields.Where(f => f.IsFilterable))
        {
            IGraphType type = field switch
            {
                ScalarField scalar => new GraphQLTypeReference(OperationsName(scalar)),
                ReferenceField reference => new GraphQLTypeReference(models[reference.TargetType].FilterInputName),
                ListField list => new GraphQLTypeReference(models[list.TargetType].ListFilterInputName),
                _ => throw new NotSupportedException(field.GetType().Name),
            };
            input.AddField(new FieldType { Name = field.Name, ResolvedType = type, Description = field.Description });
        }
        return input;
    }

    public static InputObjectGraphType List(EntityModel model) =>
        Quantifiers(model.ListFilterInputName, $"Conditions on a list of {model.PluralName}.", model.FilterInputName);

    /// <summary>A list's quantifiers over its elements' conditions (<paramref name="element"/>), and its length.</summary>
    private static InputObjectGraphType Quantifiers(string name, string description, string element)
    {
        var input = new InputObjectGraphType { Name = name, Description = description };
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
        input.AddField(new FieldType
        {
            Name = FilterOperations.Count,
            ResolvedType = new GraphQLTypeReference(ScalarTypes.FilterInputName(typeof(int))),
            Description = "Conditions on the number of elements.",
        });
        return input;
    }

    /// <summary>Whether a value of <paramref name="valueType"/> can be filtered: a comparable scalar, or a list of them.</summary>
    public static bool IsFilterableScalar(Type valueType) => ScalarTypes.ElementType(valueType) is { } element
        ? ScalarTypes.ElementType(element) is null && IsComparable(element)
        : IsComparable(valueType);

    private static bool IsComparable(Type valueType) => ScalarTypes.Underlying(valueType) != typeof(uint);

    private static void AddCombinators(InputObjectGraphType input, Func<ListGraphType> list)
    {
        input.AddField(new FieldType { Name = FilterOperations.And, ResolvedType = list(), Description = "All of these conditions hold." });
        input.AddField(new FieldType
        {
            Name = FilterOperations.Or, ResolvedType = list(), Description = "At least one of these conditions holds.",
        });
    }
}
