using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// Coerces JSON given outside a GraphQL request (a query-string parameter) exactly as GraphQL.NET coerces a variable of
/// the same type: the value is read by GraphQL.NET's serializer and parsed against a variable definition
/// (<c>query($where: EnterpriseFilterInput) { __typename }</c>) by its own variable coercion, so the translators see the
/// shapes a GraphQL request gives them. A refusal names the path of the value and what was expected there.
/// </summary>
public sealed partial class VariableCoercer(ISchema schema)
{
    private static readonly GraphQLSerializer Serializer = new();

    /// <summary>
    /// The coerced value of <paramref name="json"/> as a variable <paramref name="name"/> of type <paramref name="type"/>.
    /// </summary>
    /// <param name="type">The variable's type as GraphQL writes it, e.g. <c>[EnterpriseSortInput!]</c>.</param>
    /// <param name="refuse">Builds the error of a refused value from a message that starts with its path.</param>
    public async Task<object?> CoerceAsync(string name, string type, JsonElement json, Func<string, DataError> refuse)
    {
        var document = Parser.Parse($"query(${name}: {type}) {{ __typename }}");
        var raw = Serializer.Deserialize<Inputs>($"{{\"{name}\":{json.GetRawText()}}}")!;
        var context = new ValidationContext
        {
            Schema = schema,
            Document = document,
            Operation = (GraphQLOperationDefinition)document.Definitions[0],
            Variables = raw,
        };
        var (variables, errors) = await context.GetVariablesValuesAsync();
        if (errors is [var error, ..]) throw refuse(Describe(error, document, raw[name]));
        return variables.FirstOrDefault(v => v.Name == name)?.Value;
    }

    /// <summary>GraphQL.NET names the failing value as <c>Variable '$where.or[1].name' is invalid. …</c>.</summary>
    [GeneratedRegex(@"^Variable '\$(?<path>[^']+)' is invalid\. (?<detail>.*)$", RegexOptions.Singleline)]
    private static partial Regex InvalidVariable();

    private string Describe(ValidationError error, GraphQLDocument document, object? value)
    {
        var match = InvalidVariable().Match(error.Message);
        if (!match.Success) return error.Message;
        var path = match.Groups["path"].Value;
        var detail = match.Groups["detail"].Value;
        var definition = ((GraphQLOperationDefinition)document.Definitions[0]).Variables!.Items[0];
        IGraphType? type = Resolve(definition.Type);
        foreach (var step in Steps(path).Skip(1))
        {
            if (step is int index)
            {
                type = ItemType(type);
                value = value is IList list && index < list.Count ? list[index] : null;
            }
            else
            {
                type = FieldType(type, (string)step);
                value = value is IDictionary<string, object?> fields && fields.TryGetValue((string)step, out var field) ? field : null;
            }
            if (type is null) return $"{path}: {detail}";
        }

        if (Unwrap(type) is IInputObjectGraphType input && value is IDictionary<string, object?> given
            && given.Keys.FirstOrDefault(k => input.GetField(k) is null) is { } unknown)
        {
            return $"{path}.{unknown}: {input.Name} has no field '{unknown}'; " +
                   $"expected one of: {string.Join(", ", input.Fields.Select(f => f.Name))}.";
        }
        return $"{path}: expected {Expected(type!, value)}, got {Shown(value)}.";
    }

    private IGraphType Resolve(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => new NonNullGraphType(Resolve(nonNull.Type)),
        GraphQLListType list => new ListGraphType(Resolve(list.Type)),
        _ => schema.AllTypes[((GraphQLNamedType)type).Name.StringValue]!,
    };

    private static IEnumerable<object> Steps(string path) =>
        Regex.Matches(path, @"([^.\[\]]+)|\[(\d+)\]")
            .Select(m => m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : (object)m.Groups[1].Value);

    private static IGraphType? ItemType(IGraphType? type) => (type is NonNullGraphType n ? n.ResolvedType : type) is ListGraphType list
        ? list.ResolvedType
        : null;

    /// <summary>A field of the input object at <paramref name="type"/>; a single value given for a list stands for its item.</summary>
    private static IGraphType? FieldType(IGraphType? type, string field) => Unwrap(type) is IInputObjectGraphType input
        ? input.GetField(field)?.ResolvedType
        : null;

    private static IGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType list => Unwrap(list.ResolvedType),
        _ => type,
    };

    private static string Expected(IGraphType type, object? value) => (type, value) switch
    {
        (NonNullGraphType, null) => $"a value of type {type}",
        (NonNullGraphType nonNull, _) => Expected(nonNull.ResolvedType!, value),
        (ListGraphType list, _) => Expected(list.ResolvedType!, value),
        (IInputObjectGraphType input, _) => $"an input object of type {input.Name}",
        (EnumerationGraphType enumeration, _) =>
            $"one of {enumeration.Name}'s values ({string.Join(", ", enumeration.Values.Select(v => v.Name))})",
        _ => $"a value of type {type.Name}",
    };

    private static string Shown(object? value) => value switch
    {
        null => "null",
        IDictionary<string, object?> => "an object",
        string text => "the string " + Shorten($"\"{text}\""),
        bool flag => flag ? "the boolean true" : "the boolean false",
        IEnumerable => "an array",
        _ => "the number " + Shorten(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
