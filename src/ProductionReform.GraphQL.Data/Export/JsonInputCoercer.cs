using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Export;

/// <summary>A JSON value that does not fit the GraphQL input type; <see cref="Path"/> names where, e.g. <c>where.industry.nmae</c>.</summary>
public sealed class JsonInputException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}

/// <summary>
/// Coerces JSON into the values GraphQL.NET builds for a variable of a given input type, so that code reading
/// coerced arguments (the filter and sort translators) sees the same shapes whether the input came from a
/// GraphQL request or elsewhere: <see cref="IDictionary{TKey,TValue}"/> for input objects (fields in declaration
/// order, only those given or defaulted, then <see cref="IInputObjectGraphType.ParseDictionary"/>),
/// <see cref="List{T}"/> for lists (a single value given for a list becomes a list of one, as the spec says),
/// and <see cref="ScalarGraphType.ParseValue"/> for scalars and enums (<c>"SPECIAL_GRADE"</c> → the enum value,
/// <c>"2021-01-01"</c> → <see cref="DateOnly"/>). Unknown fields, missing required fields and values of the
/// wrong kind are refused with the path and what was expected.
/// </summary>
/// <remarks>The schema must be initialized (<see cref="ISchema.Initialize"/>) so that type references are resolved.</remarks>
public static class JsonInputCoercer
{
    /// <summary>The coerced value of <paramref name="json"/> as a value of <paramref name="type"/>.</summary>
    /// <exception cref="JsonInputException">The value does not fit the type.</exception>
    public static object? Coerce(JsonElement json, IGraphType type, string path)
    {
        if (type is NonNullGraphType nonNull)
        {
            if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                throw new JsonInputException(path, $"expected a value of type {type}, got null.");
            return Coerce(json, Resolved(nonNull.ResolvedType, path), path);
        }
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;

        switch (type)
        {
            case ListGraphType list:
                var itemType = Resolved(list.ResolvedType, path);
                if (json.ValueKind != JsonValueKind.Array) return new List<object?> { Coerce(json, itemType, path + "[0]") };
                var items = new List<object?>(json.GetArrayLength());
                var index = 0;
                foreach (var item in json.EnumerateArray()) items.Add(Coerce(item, itemType, $"{path}[{index++}]"));
                return items;

            case IInputObjectGraphType input:
                return InputObject(json, input, path);

            case ScalarGraphType scalar:
                return Scalar(json, scalar, path);

            default:
                throw new JsonInputException(path, $"{type.Name} is not an input type.");
        }
    }

    private static object? InputObject(JsonElement json, IInputObjectGraphType type, string path)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new JsonInputException(path, $"expected an input object of type {type.Name}, got {Describe(json)}.");

        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (type.GetField(property.Name) is null)
                throw new JsonInputException(Join(path, property.Name),
                    $"{type.Name} has no field '{property.Name}'; expected one of: {string.Join(", ", type.Fields.Select(f => f.Name))}.");
            if (!given.TryAdd(property.Name, property.Value))
                throw new JsonInputException(Join(path, property.Name), $"the field '{property.Name}' is given twice.");
        }

        // GraphQL.NET builds the dictionary in the order the type declares its fields, not the order given.
        var result = new Dictionary<string, object?>(given.Count);
        foreach (var field in type.Fields)
        {
            var fieldPath = Join(path, field.Name);
            if (given.TryGetValue(field.Name, out var value))
                result[field.Name] = Coerce(value, Resolved(field.ResolvedType, fieldPath), fieldPath);
            else if (field.DefaultValue is not null)
                result[field.Name] = field.DefaultValue;
            else if (field.ResolvedType is NonNullGraphType)
                throw new JsonInputException(fieldPath, $"the field is required ({field.ResolvedType}).");
        }
        if (type.IsOneOf && (result.Count != 1 || result.Values.Single() is null))
            throw new JsonInputException(path, $"{type.Name} takes exactly one field, not null.");
        return type.ParseDictionary(result);
    }

    private static object? Scalar(JsonElement json, ScalarGraphType scalar, string path)
    {
        object? raw = json.ValueKind switch
        {
            JsonValueKind.String => json.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(json),
            _ => throw new JsonInputException(path, $"expected {Expected(scalar)}, got {Describe(json)}."),
        };
        // An enum is named by a string; GraphQL.NET would not accept its underlying number from JSON either.
        if (scalar is EnumerationGraphType && raw is not string)
            throw new JsonInputException(path, $"expected {Expected(scalar)}, got {Describe(json)}.");
        try
        {
            return scalar.ParseValue(raw);
        }
        catch (Exception e) when (e is not JsonInputException)
        {
            throw new JsonInputException(path, $"expected {Expected(scalar)}, got {Describe(json)}.");
        }
    }

    /// <summary>Numbers as GraphQL.NET's System.Text.Json reader produces them: int, long, BigInteger, double or decimal.</summary>
    private static object Number(JsonElement json)
    {
        if (json.TryGetInt32(out var i)) return i;
        if (json.TryGetInt64(out var l)) return l;
        var text = json.GetRawText();
        if (text.IndexOfAny(['.', 'e', 'E']) < 0 && BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            return big;
        if (json.TryGetDouble(out var d))
            return json.TryGetDecimal(out var m) && (decimal)d != m ? m : d;
        return json.GetDecimal();
    }

    private static IGraphType Resolved(IGraphType? type, string path) =>
        type ?? throw new JsonInputException(path, "the schema has an unresolved type here; initialize the schema first.");

    private static string Join(string path, string field) => path.Length == 0 ? field : path + "." + field;

    private static string Expected(ScalarGraphType scalar) => scalar is EnumerationGraphType enumeration
        ? $"one of {enumeration.Name}'s values ({string.Join(", ", enumeration.Values.Select(v => v.Name))})"
        : $"a value of type {scalar.Name}";

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + Shorten(json.GetRawText()),
        JsonValueKind.Number => "the number " + Shorten(json.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "the boolean " + json.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
