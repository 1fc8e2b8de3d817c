using System.Collections;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// Export of any entity list with the same <c>where</c>/<c>order</c> machinery as the GraphQL list fields
/// (<see cref="ListReader"/>), as a table that every file format writes (<see cref="CsvFile"/>, <see cref="XlsxFile"/>).
/// Columns are the <see cref="FileColumn"/>s import reads: the global id, then the declared fields; a relation is the
/// related record's first label with a value (<see cref="EntityModel.Labels"/>), else its global id, read through a JOIN
/// in the same statement. Cells keep their types (numbers, booleans, dates); enums are text by their GraphQL names and
/// lists of enums are joined with <c>;</c>. Rows are streamed as the database returns them.
/// </summary>
public sealed class ListExporter
{
    private readonly ModelRegistry _models;
    private readonly ListReader _reader;
    private readonly Dictionary<string, EntityModel> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<Enum, string> _enumNames = [];
    private readonly Dictionary<EntityModel, Columns> _columns = [];

    /// <param name="schema">The schema the models were built into; it is initialized here if it was not yet.</param>
    public ListExporter(ISchema schema, ModelRegistry models, DataOptions options)
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

    /// <summary>The rows of <paramref name="read"/> as a table named after the list, read with one statement.</summary>
    public ExportTable Table(DbContext db, ListRead read)
    {
        var columns = ColumnsOf(read.Model);
        return new ExportTable(read.Model.ListName, columns.Header, CellsAsync(read.Rows(db), columns.Cells));
    }

    /// <summary>
    /// The citations of the records of <paramref name="read"/> (<see cref="CitationTable"/>), or null when the list's
    /// records are not cited.
    /// </summary>
    public ExportTable? Citations(DbContext db, ListRead read) => CitationTable.Of(read, this, db);

    /// <summary>An enum by its GraphQL name, a list joined with <c>;</c>, anything else as it is.</summary>
    public object? Cell(object? value) => value switch
    {
        null or string => value,
        Enum member => _enumNames.TryGetValue(member, out var name) ? name : member.ToString(),
        IEnumerable items => string.Join(";", items.Cast<object?>().Select(item => CsvFile.Text(Cell(item)))),
        _ => value,
    };

    /// <summary>The first label of <paramref name="labels"/> that has a value, else the global id of the record.</summary>
    internal static string? Label(object?[] row, int[] labels, int key, EntityModel model)
    {
        foreach (var label in labels)
        {
            if (row[label] is string { Length: > 0 } text) return text;
        }
        return row[key] is int id ? GlobalId.Encode(model.Name, id) : null;
    }

    /// <summary>The type of the cells of a field of <paramref name="valueType"/>: enums and lists become text.</summary>
    private static Type CellType(Type valueType) =>
        (Nullable.GetUnderlyingType(valueType) ?? valueType).IsEnum
        || (valueType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(valueType))
            ? typeof(string)
            : valueType;

    private static async IAsyncEnumerable<object?[]> CellsAsync(IAsyncEnumerable<object?[]> rows,
        IReadOnlyList<Func<object?[], object?>> cells, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var values = new object?[cells.Count];
            for (var i = 0; i < values.Length; i++) values[i] = cells[i](row);
            yield return values;
        }
    }

    private Columns ColumnsOf(EntityModel model) => _columns.TryGetValue(model, out var columns) ? columns : BuildColumns(model);

    /// <summary>
    /// <c>x => new object[] { x.Id, x.Name, …, x.Industry.Name, (int?)x.Industry.Id, … }</c> and how to make each cell.
    /// </summary>
    private Columns BuildColumns(EntityModel model)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        var values = new List<Expression>();
        var header = new List<ExportColumn>();
        var cells = new List<Func<object?[], object?>>();

        int Read(Expression value)
        {
            values.Add(Expression.Convert(value, typeof(object)));
            return values.Count - 1;
        }

        foreach (var column in FileColumn.Of(model))
        {
            switch (column.Field)
            {
                case null:
                    {
                        var key = Read(Expression.Property(x, model.Key));
                        header.Add(new ExportColumn(column.Name, typeof(string)));
                        cells.Add(row => GlobalId.Encode(model.Name, (int)row[key]!));
                        break;
                    }
                case ScalarField scalar:
                    {
                        var index = Read(Expression.Property(x, scalar.Property));
                        var convert = scalar.Convert;
                        header.Add(new ExportColumn(column.Name, CellType(scalar.ValueType)));
                        cells.Add(convert is null ? row => Cell(row[index]) : row => Cell(convert(row[index])));
                        break;
                    }
                case ReferenceField reference:
                    {
                        var target = _models[reference.TargetType];
                        var related = Expression.Property(x, reference.Property);
                        var labels = target.Labels.Select(f => Read(Expression.Property(related, f.Property))).ToArray();
                        // (int?) so that a missing relation (LEFT JOIN) reads as null rather than failing.
                        var targetKey = Read(Expression.Convert(Expression.Property(related, target.Key), typeof(int?)));
                        header.Add(new ExportColumn(column.Name, typeof(string)));
                        cells.Add(row => Label(row, labels, targetKey, target));
                        break;
                    }
            }
        }
        var row = Expression.Lambda(Expression.NewArrayInit(typeof(object), values), x);
        return new Columns(header, cells, row);
    }

    private sealed record Columns(IReadOnlyList<ExportColumn> Header, IReadOnlyList<Func<object?[], object?>> Cells,
        LambdaExpression Row);
}
