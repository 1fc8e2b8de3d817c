using System.Globalization;
using System.Text;
using System.Text.Json;
using GraphQL.Types;
using ProductionReform.Api.Http;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;
using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Export;

/// <summary>
/// The groups of <c>&lt;plural&gt;Aggregate(where:) { groups(by:, …) }</c> as a table, the table behind a chart. The export
/// builds its GraphQL document from the schema and runs it through the executor /graphql uses, so its parameters are the
/// arguments of the aggregate field and of <c>groups</c>, whatever they are, and the file holds what <c>groups</c>
/// answers: a row per group, a column per key field of <c>by</c> (a relation as the related record's label, else its id)
/// and the bucket's first day when <c>bucket</c> is given, then the group's statistics: <c>count</c>,
/// <c>sum.employeeCount</c>, <c>avg.employeeCount</c> … (distinct counts are left to GraphQL).
/// </summary>
public sealed class AggregateExport(ISchema schema, ModelRegistry models)
{
    public const string Suffix = "Aggregate";

    private const string GroupsField = "groups", KeyField = "key", ByArgument = "by", BucketArgument = "bucket";
    private const string DistinctCountField = "distinctCount";

    private readonly VariableCoercer _coercer = new(schema);

    /// <summary>The root aggregate field named <paramref name="name"/> that has groups, or null.</summary>
    public FieldType? FindField(string name) =>
        name.EndsWith(Suffix, StringComparison.Ordinal) && schema.Query?.GetField(name) is { } field && Groups(field) is not null
            ? field
            : null;

    /// <summary>The names of the query-string parameters of <paramref name="field"/>: its arguments, then those of groups.</summary>
    public IEnumerable<string> Parameters(FieldType field) =>
        Arguments(field).Select(a => a.Argument.Name).Distinct();

    /// <summary>
    /// Checks the given parameters as the arguments they stand for (coerced as GraphQL variables of the arguments' types)
    /// and builds the document that reads the groups.
    /// </summary>
    /// <exception cref="DataError">A parameter of the wrong shape (INVALID_FILTER for a filter, INVALID_ORDER for an
    /// order or <c>by</c>, INVALID_ARGUMENT for any other), or a required one missing (INVALID_REQUEST).</exception>
    public async Task<AggregateQuery> PrepareAsync(FieldType field, IReadOnlyDictionary<string, JsonElement> given)
    {
        var groups = Groups(field)!;
        var variables = new Dictionary<string, JsonElement>();
        var definitions = new List<string>();
        var rootArguments = new List<string>();
        var groupsArguments = new List<string>();
        IReadOnlyList<string> by = [];
        foreach (var (argument, onGroups) in Arguments(field))
        {
            var name = argument.Name;
            if (variables.ContainsKey(name)) continue;
            var type = argument.ResolvedType!.ToString()!;
            if (!given.TryGetValue(name, out var value))
            {
                if (argument.ResolvedType is NonNullGraphType && argument.DefaultValue is null)
                    throw new DataError(ErrorCodes.InvalidRequest,
                        $"The '{name}' parameter is required: the JSON of a value of type {type}.");
                continue;
            }
            var coerced = await _coercer.CoerceAsync(name, type, value, message => Refusal(argument, message));
            if (onGroups && name == ByArgument) by = (coerced as IEnumerable<object?> ?? []).OfType<string>().ToList();
            variables[name] = value;
            definitions.Add($"${name}: {type}");
            (onGroups ? groupsArguments : rootArguments).Add($"{name}: ${name}");
        }

        var group = (IComplexGraphType)Unwrap(groups.ResolvedType!);
        var keyType = (IComplexGraphType)Unwrap(group.GetField(KeyField)!.ResolvedType!);
        var columns = new List<AggregateColumn>();
        var selection = new StringBuilder();
        var keySelections = by.Select(name => keyType.GetField(name)).OfType<FieldType>()
            .Select(key => KeySelection(key, columns)).ToList();
        if (variables.ContainsKey(BucketArgument))
        {
            keySelections.Add($"{BucketArgument} {{ start }}");
            columns.Add(BucketColumn());
        }
        if (keySelections.Count > 0) selection.Append($"{KeyField} {{ {string.Join(' ', keySelections)} }} ");
        // Distinct counts are asked field by field (each a COUNT(DISTINCT …)), so a table of every one is left to GraphQL.
        foreach (var member in group.Fields.Where(f => f.Name is not (KeyField or DistinctCountField) && !HasRequiredArguments(f)))
        {
            if (Unwrap(member.ResolvedType!) is IComplexGraphType statistics)
            {
                var leaves = statistics.Fields.Where(f => Unwrap(f.ResolvedType!) is ScalarGraphType or EnumerationGraphType
                    && !HasRequiredArguments(f)).ToList();
                selection.Append($"{member.Name} {{ {string.Join(' ', leaves.Select(l => l.Name))} }} ");
                columns.AddRange(leaves.Select(leaf => LeafColumn($"{member.Name}.{leaf.Name}", leaf, member.Name, leaf.Name)));
            }
            else
            {
                selection.Append(member.Name).Append(' ');
                columns.Add(LeafColumn(member.Name, member, member.Name));
            }
        }

        var document = $"query AggregateExport{(definitions.Count > 0 ? $"({string.Join(", ", definitions)})" : "")} {{ " +
            $"{field.Name}{Call(rootArguments)} {{ {GroupsField}{Call(groupsArguments)} {{ {selection}}} }} }}";
        var variablesJson = "{" +
            string.Join(",", variables.Select(v => $"{JsonSerializer.Serialize(v.Key)}:{v.Value.GetRawText()}")) + "}";
        return new AggregateQuery(field.Name, document, variablesJson, columns);
    }

    /// <summary>The groups of the answer's <c>data</c> as a table named after the aggregate field.</summary>
    public static ExportTable Table(AggregateQuery query, JsonElement data)
    {
        var groups = data.GetProperty(query.FieldName).GetProperty(GroupsField).EnumerateArray().ToList();
        var rows = groups.Select(group => query.Columns.Select(column => column.Read(group)).ToArray()).ToAsyncEnumerable();
        return new ExportTable(query.FieldName, query.Columns.Select(c => c.Column).ToList(), rows);
    }

    private IEnumerable<(QueryArgument Argument, bool OnGroups)> Arguments(FieldType field) =>
        (field.Arguments ?? []).Select(a => (a, false)).Concat((Groups(field)!.Arguments ?? []).Select(a => (a, true)));

    private static FieldType? Groups(FieldType field) =>
        field.ResolvedType is { } type && Unwrap(type) is IComplexGraphType aggregate ? aggregate.GetField(GroupsField) : null;

    /// <summary>A key field's selection: a relation selects the related record's id and labels.</summary>
    private string KeySelection(FieldType key, List<AggregateColumn> columns)
    {
        if (Unwrap(key.ResolvedType!) is IComplexGraphType related && models.FindByName(related.Name) is { } target)
        {
            var labels = target.Labels.Select(l => l.Name).ToList();
            columns.Add(new AggregateColumn(new ExportColumn(key.Name, typeof(string)), group =>
            {
                var record = group.GetProperty(KeyField).GetProperty(key.Name);
                if (record.ValueKind == JsonValueKind.Null) return null;
                foreach (var label in labels)
                {
                    if (record.GetProperty(label).GetString() is { Length: > 0 } text) return text;
                }
                return record.GetProperty("id").GetString();
            }));
            return $"{key.Name} {{ id {string.Join(' ', labels)} }}";
        }
        columns.Add(LeafColumn(key.Name, key, KeyField, key.Name));
        return key.Name;
    }

    /// <summary>The first day of a group's time bucket; null for the rows without a date.</summary>
    private static AggregateColumn BucketColumn() => new(new ExportColumn(BucketArgument, typeof(DateOnly)), group =>
        group.GetProperty(KeyField).GetProperty(BucketArgument) is { ValueKind: JsonValueKind.Object } bucket
            ? DateOnly.ParseExact(bucket.GetProperty("start").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null);

    /// <summary>A column of a scalar or enum at <paramref name="path"/> in a group, typed by its GraphQL type.</summary>
    private static AggregateColumn LeafColumn(string name, FieldType field, params string[] path)
    {
        var type = Unwrap(field.ResolvedType!).Name switch
        {
            "Int" => typeof(int),
            "Long" => typeof(long),
            "Float" => typeof(double),
            "Decimal" => typeof(decimal),
            "Boolean" => typeof(bool),
            "Date" => typeof(DateOnly),
            _ => typeof(string),
        };
        return new AggregateColumn(new ExportColumn(name, type), group =>
        {
            var value = path.Aggregate(group, (element, step) => element.GetProperty(step));
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when type == typeof(int) => value.GetInt32(),
                JsonValueKind.Number when type == typeof(long) => value.GetInt64(),
                JsonValueKind.Number when type == typeof(decimal) => value.GetDecimal(),
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.String when type == typeof(DateOnly) =>
                    DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        });
    }

    private static DataError Refusal(QueryArgument argument, string message) => Unwrap(argument.ResolvedType!).Name switch
    {
        var name when name.EndsWith("FilterInput", StringComparison.Ordinal) => DataError.InvalidFilter(message),
        var name when name.EndsWith("SortInput", StringComparison.Ordinal) || argument.Name == ByArgument =>
            DataError.InvalidOrder(message),
        _ => new DataError(ErrorCodes.InvalidArgument, message),
    };

    private static bool HasRequiredArguments(FieldType field) =>
        field.Arguments?.Any(a => a.ResolvedType is NonNullGraphType && a.DefaultValue is null) == true;

    private static string Call(List<string> arguments) => arguments.Count == 0 ? "" : $"({string.Join(", ", arguments)})";

    private static IGraphType Unwrap(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType!),
        ListGraphType list => Unwrap(list.ResolvedType!),
        _ => type,
    };
}
