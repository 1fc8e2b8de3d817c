using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// CSV export of any entity list with the same <c>where</c>/<c>order</c> machinery as the GraphQL list fields
/// (<see cref="ListReader"/>). Columns are the <see cref="FileColumn"/>s import reads: the global id, then the declared
/// fields; a relation is rendered as the related record's first label with a value (<see cref="EntityModel.Labels"/>),
/// else its global id, read through a JOIN in the same statement. Values are invariant: dates yyyy-MM-dd, enums by
/// their GraphQL names, lists of enums joined with <c>;</c>, booleans true/false. Rows are streamed as the database
/// returns them.
/// </summary>
public sealed class CsvExporter
{
    private const int FlushEvery = 500;

    private readonly ModelRegistry _models;
    private readonly ListReader _reader;
    private readonly Dictionary<string, EntityModel> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<Enum, string> _enumNames = [];
    private readonly Dictionary<EntityModel, Columns> _columns = [];

    /// <param name="schema">The schema the models were built into; it is initialized here if it was not yet.</param>
    public CsvExporter(ISchema schema, ModelRegistry models, DataOptions options)
    {
        _models = models;
        _reader = new ListReader(schema, models, options);
        schema.Initialize();

        foreach (var model in models.All)
        {
            if (schema.Query?.GetField(model.ListName) is not null) _lists[model.ListName] = model;
        }
        foreach (var enumeration in schema.AllTypes.OfType<EnumerationGraphType>())
        {
            foreach (var value in enumeration.Values)
            {
                if (value.Value is Enum member) _enumNames.TryAdd(member, value.Name);
            }
        }
        foreach (var model in _lists.Values) _columns[model] = BuildColumns(model);
    }

    /// <summary>The root list field names that can be exported (<c>regions</c>, <c>enterprises</c>…), in schema order.</summary>
    public IReadOnlyCollection<string> ListNames => _lists.Keys;

    /// <summary>The entity of a root list field name, or null when there is none.</summary>
    public EntityModel? FindList(string listName) => _lists.GetValueOrDefault(listName);

    /// <summary>
    /// Checks and translates JSON <paramref name="where"/> and <paramref name="order"/> as the list field's arguments
    /// (<see cref="ListReader.PrepareAsync"/>), reading the export's columns.
    /// </summary>
    /// <exception cref="DataError">INVALID_FILTER, INVALID_ORDER or LIMIT_EXCEEDED, with a message naming the path.</exception>
    public Task<ListRead> PrepareAsync(EntityModel model, JsonElement? where, JsonElement? order) =>
        _reader.PrepareAsync(model, where, order, ColumnsOf(model).Row);

    /// <summary>
    /// Writes the UTF-8 byte order mark, the header and the rows to <paramref name="output"/>, reading the rows with one
    /// statement as an async stream and flushing every few hundred rows. Returns the number of data rows written.
    /// </summary>
    public async Task<int> WriteAsync(DbContext db, ListRead read, Stream output, CancellationToken cancellationToken = default)
    {
        var columns = ColumnsOf(read.Model);

        // The BOM lets Excel read the file as UTF-8 (Chinese text); the writer itself emits none.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync(columns.Names, cancellationToken);

        var count = 0;
        var cells = new string?[columns.Renderers.Count];
        await foreach (var row in read.Rows(db).WithCancellation(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = columns.Renderers[i](row);
            await csv.WriteRowAsync(cells, cancellationToken);
            if (++count % FlushEvery == 0) await text.FlushAsync(cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
        return count;
    }

    private Columns ColumnsOf(EntityModel model) => _columns.TryGetValue(model, out var columns) ? columns : BuildColumns(model);

    /// <summary>
    /// <c>x => new object[] { x.Id, x.Name, …, x.Industry.Name, (int?)x.Industry.Id, … }</c> and how to render each column.
    /// </summary>
    private Columns BuildColumns(EntityModel model)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var values = new List<Expression>();
        var names = new List<string>();
        var renderers = new List<Func<object?[], string?>>();

        int Read(Expression value)
        {
            values.Add(Expression.Convert(value, typeof(object)));
            return values.Count - 1;
        }

        foreach (var column in FileColumn.Of(model))
        {
            names.Add(column.Name);
            switch (column.Field)
            {
                case null:
                    {
                        var key = Read(Expression.Property(x, model.Key));
                        renderers.Add(row => GlobalId.Encode(model.Name, (int)row[key]!));
                        break;
                    }
                case ScalarField scalar:
                    {
                        var index = Read(Expression.Property(x, scalar.Property));
                        var convert = scalar.Convert;
                        renderers.Add(convert is null ? row => Format(row[index]) : row => Format(convert(row[index])));
                        break;
                    }
                case ReferenceField reference:
                    {
                        var target = _models[reference.TargetType];
                        var related = Expression.Property(x, reference.Property);
                        var labels = target.Labels.Select(f => Read(Expression.Property(related, f.Property))).ToArray();
                        // (int?) so that a missing relation (LEFT JOIN) reads as null rather than failing.
                        var targetKey = Read(Expression.Convert(Expression.Property(related, target.Key), typeof(int?)));
                        renderers.Add(row =>
                        {
                            foreach (var label in labels)
                            {
                                if (row[label] is string { Length: > 0 } text) return text;
                            }
                            return row[targetKey] is int id ? GlobalId.Encode(target.Name, id) : null;
                        });
                        break;
                    }
            }
        }
        var row = Expression.Lambda(Expression.NewArrayInit(typeof(object), values), x);
        return new Columns(names, renderers, row);
    }

    private string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        Enum member => _enumNames.TryGetValue(member, out var name) ? name : member.ToString(),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(";", items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    private sealed record Columns(IReadOnlyList<string> Names, IReadOnlyList<Func<object?[], string?>> Renderers,
        LambdaExpression Row);
}
