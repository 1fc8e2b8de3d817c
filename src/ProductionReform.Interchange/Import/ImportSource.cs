using System.Text.Json;
using ProductionReform.Domain;

namespace ProductionReform.Interchange.Import;

/// <summary>The rows of an import file, read one at a time.</summary>
public abstract class ImportSource : IDisposable
{
    /// <summary>The CSV header (read before the first record) and its row; null for JSON, whose objects name their own fields.</summary>
    public IReadOnlyList<string>? Header { get; protected set; }

    /// <summary>True for CSV: the first row names the columns of all rows.</summary>
    public abstract bool HasHeader { get; }

    public abstract IAsyncEnumerable<ImportRecord> ReadAsync(CancellationToken cancellationToken = default);

    public virtual void Dispose()
    {
    }

    /// <summary>CSV with a header row of column names.</summary>
    public static ImportSource Csv(Stream stream) => new CsvSource(stream);

    /// <summary>A JSON array of objects whose properties are the column names.</summary>
    public static ImportSource Json(Stream stream) => new JsonSource(stream);

    private sealed class CsvSource(Stream stream) : ImportSource
    {
        private readonly CsvRecordReader _reader = new(stream);

        public override bool HasHeader => true;

        public override async IAsyncEnumerable<ImportRecord> ReadAsync(
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var header = await ReadFieldsAsync(cancellationToken);
            if (header is null) yield break;
            Header = header.Select(h => h.Trim()).ToArray();
            while (await ReadFieldsAsync(cancellationToken) is { } fields)
            {
                List<ImportProblem>? problems = null;
                if (fields.Count != Header.Count)
                {
                    problems =
                    [
                        new ImportProblem(_reader.Record, null, null, $"The row has {fields.Count} fields; the header has {Header.Count}.")
                    ];
                }
                var values = new string?[Header.Count];
                for (var i = 0; i < values.Length && i < fields.Count; i++)
                    values[i] = fields[i].Length == 0 ? null : CsvRecordReader.Unguard(fields[i]);
                yield return new ImportRecord(_reader.Record, Header, values) { Problems = problems };
            }
        }

        private async ValueTask<List<string>?> ReadFieldsAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _reader.ReadAsync(cancellationToken);
            }
            catch (System.Text.DecoderFallbackException)
            {
                throw new ImportFormatException(_reader.Record + 1,
                    $"The file is not valid UTF-8 (in row {_reader.Record + 1}); save it as UTF-8.");
            }
            catch (FormatException e)
            {
                throw new ImportFormatException(_reader.Record + 1, e.Message);
            }
        }

        public override void Dispose() => _reader.Dispose();
    }

    private sealed class JsonSource(Stream stream) : ImportSource
    {
        public override bool HasHeader => false;

        public override async IAsyncEnumerable<ImportRecord> ReadAsync(
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            // The array's elements are parsed one at a time as the body arrives.
            var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
            await using var enumerator = elements.GetAsyncEnumerator(cancellationToken);
            var row = 0;
            while (true)
            {
                JsonElement element;
                try
                {
                    if (!await enumerator.MoveNextAsync()) break;
                    element = enumerator.Current;
                }
                catch (JsonException e)
                {
                    throw new ImportFormatException(row + 1,
                        $"The body is not a JSON array of objects{(row > 0 ? $" (after object {row})" : "")}: {e.Message}");
                }
                row++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    yield return new ImportRecord(row, [], [])
                    {
                        Problems = [new ImportProblem(row, null, Shorten(element.GetRawText()), "Each element must be a JSON object.")]
                    };
                    continue;
                }
                if (StorableText.FindUndecodable(element) is { } undecodable)
                {
                    var column = undecodable.Path.Split('.', '[')[0];
                    yield return new ImportRecord(row, [], [])
                    {
                        Problems =
                        [
                            new ImportProblem(row, column.Length == 0 ? null : column, null, "The text " + undecodable.Reason + ".",
                                StorableText.Code),
                        ],
                    };
                    continue;
                }
                var columns = new List<string>();
                var values = new List<string?>();
                List<ImportProblem>? problems = null;
                foreach (var property in element.EnumerateObject())
                {
                    columns.Add(property.Name);
                    values.Add(Text(property.Value, out var problem));
                    if (problem is not null)
                        (problems ??= []).Add(new ImportProblem(row, property.Name, Shorten(property.Value.GetRawText()), problem));
                }
                yield return new ImportRecord(row, columns, values) { Problems = problems };
            }
        }

        /// <summary>
        /// A JSON value as the text a CSV cell would hold: strings as they are, numbers as written, lists joined with <c>;</c>.
        /// </summary>
        private static string? Text(JsonElement value, out string? problem)
        {
            problem = null;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    var text = value.GetString()!;
                    return text.Length == 0 ? null : text;
                case JsonValueKind.Number:
                    return value.GetRawText();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.Array:
                    var items = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                        {
                            problem = "A list may hold only strings, numbers and booleans.";
                            return null;
                        }
                        items.Add(Text(item, out _) ?? "");
                    }
                    return string.Join(";", items);
                default:
                    problem = "An object is not a value of a column.";
                    return null;
            }
        }
    }

    internal static string Shorten(string? value) => value is { Length: > 200 } ? value[..200] + "…" : value ?? "";
}
