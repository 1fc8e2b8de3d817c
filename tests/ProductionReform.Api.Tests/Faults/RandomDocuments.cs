using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;

namespace ProductionReform.Api.Tests.Faults;

/// <summary>
/// Random GraphQL requests read off the schema: any root field, random arguments (filters with random operators and
/// nesting, orders, paging, mutation inputs) given as literals or as variables, random selections, and hostile values
/// (NUL, unpaired surrogates, emoji, RTL marks, 10,000-character strings, extreme and overflowing numbers, bad enums).
/// Seeded, so that a failure can be replayed.
/// </summary>
internal sealed class RandomDocuments(ISchema schema, int seed)
{
    private sealed record EnumToken(string Name);
    private sealed record RawNumber(string Text);

    private static readonly string[] Strings =
    [
        "纺织", "", " ", "a\0b", "\ud800", "\udfff中", "🏭👷‍♀️", "\u202eRTL\u202c", "\u200f南通", "%_\\",
        new string('字', 10_000),
        "SW5kdXN0cnk6MQ==", "RW50ZXJwcmlzZTox", "null", "'; DROP TABLE enterprises; --", "2022-01-05", "9".PadLeft(400, '9'), "\t\r\n",
    ];

    private static readonly string[] Integers =
        ["0", "1", "-1", "100", "2147483647", "-2147483648", "2147483648", "99999999999999999999999", "3.5"];
    private static readonly string[] Floats = ["0", "0.5", "-1e308", "1e308", "1e-320", "12345678901234567890.123", "-0"];

    private readonly Random _random = new(seed);
    private readonly List<string> _variableDefinitions = [];
    private readonly Dictionary<string, object?> _variables = [];

    /// <summary>The next request as its JSON body.</summary>
    public string Next()
    {
        _variableDefinitions.Clear();
        _variables.Clear();
        var mutation = schema.Mutation is not null && _random.Next(5) == 0;
        var root = (IComplexGraphType)(mutation ? schema.Mutation! : schema.Query);
        var selections = new StringBuilder();
        for (var i = _random.Next(1, 3); i > 0; i--) selections.Append(Field(Pick(root.Fields.ToList()), 0)).Append(' ');
        var definitions = _variableDefinitions.Count == 0 ? "" : $"({string.Join(", ", _variableDefinitions)})";
        var document = $"{(mutation ? "mutation" : "query")}{definitions} {{ {selections}}}";
        return Print(new Dictionary<string, object?> { ["query"] = document, ["variables"] = _variables }, json: true);
    }

    private string Field(FieldType field, int depth)
    {
        var text = new StringBuilder();
        if (_random.Next(4) == 0) text.Append('a').Append(_random.Next(100)).Append(": ");
        text.Append(field.Name);
        var arguments = (field.Arguments ?? []).Where(a => a.ResolvedType is NonNullGraphType || _random.Next(10) < 6).ToList();
        if (arguments.Count > 0)
            text.Append('(').Append(string.Join(", ", arguments.Select(a => $"{a.Name}: {Argument(a.ResolvedType!)}"))).Append(')');
        var type = field.ResolvedType!.GetNamedType();
        if (type is IComplexGraphType complex and not IInputObjectGraphType)
        {
            var fields = complex.Fields
                .Where(f => depth < 3 || f.ResolvedType!.GetNamedType() is ScalarGraphType or EnumerationGraphType)
                .ToList();
            var chosen = fields.Count == 0
                ? []
                : Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(fields)).DistinctBy(f => f.Name).ToList();
            text.Append(" { __typename ").Append(string.Join(" ", chosen.Select(f => Field(f, depth + 1)))).Append(" }");
        }
        else if (type is UnionGraphType or IInterfaceGraphType)
        {
            text.Append(" { __typename }");
        }
        return text.ToString();
    }

    /// <summary>A literal, or (half the time) a variable of the argument's type holding the value.</summary>
    private string Argument(IGraphType type)
    {
        var value = Value(type, 0);
        if (_random.Next(2) == 0) return Print(value, json: false);
        var name = $"v{_variableDefinitions.Count}";
        _variableDefinitions.Add($"${name}: {type}");
        _variables[name] = value;
        return "$" + name;
    }

    private object? Value(IGraphType type, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return _random.Next(25) == 0 ? null : Value(nonNull.ResolvedType!, depth);
            case ListGraphType list:
                if (_random.Next(6) == 0) return Value(list.ResolvedType!, depth); // a single item for a list
                return Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(list.ResolvedType!, depth + 1)).ToList();
            case IInputObjectGraphType input:
                var result = new Dictionary<string, object?>();
                if (depth > 4) return result;
                var fields = input.Fields.ToList();
                for (var i = _random.Next(0, 4); i > 0 && fields.Count > 0; i--)
                {
                    var field = Pick(fields);
                    result[field.Name] = Value(field.ResolvedType!, depth + 1);
                }
                return result;
            case EnumerationGraphType enumeration:
                return new EnumToken(_random.Next(8) == 0 ? "NOT_A_VALUE" : Pick(enumeration.Values.ToList()).Name);
            case ScalarGraphType scalar:
                return scalar.Name switch
                {
                    "Int" or "Long" or "Short" or "Byte" => new RawNumber(Pick(Integers)),
                    "Float" or "Decimal" => new RawNumber(Pick(Floats)),
                    "Boolean" => _random.Next(2) == 0,
                    _ => _random.Next(10) == 0 ? new RawNumber(Pick(Integers)) : Pick(Strings),
                };
            default:
                return null;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A value as a GraphQL literal (enums bare, field names unquoted) or as JSON.</summary>
    private static string Print(object? value, bool json) => value switch
    {
        null => "null",
        EnumToken token => json ? Quote(token.Name) : token.Name,
        RawNumber number => number.Text,
        bool flag => flag ? "true" : "false",
        string text => Quote(text),
        List<object?> list => "[" + string.Join(",", list.Select(item => Print(item, json))) + "]",
        Dictionary<string, object?> fields =>
            "{" + string.Join(",", fields.Select(f => $"{(json ? Quote(f.Key) : f.Key)}:{Print(f.Value, json)}")) + "}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// A string in quotes with every character outside printable ASCII as \uXXXX: valid in GraphQL and in JSON, lone surrogates
    /// included.
    /// </summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\') quoted.Append('\\').Append(c);
            else if (c is < ' ' or > '~') quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}
