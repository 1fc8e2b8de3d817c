using System.Globalization;
using System.Text;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// An <see cref="ExportTable"/> as CSV: UTF-8 with a byte order mark, a header row of the column names, then one record
/// per row (<see cref="CsvWriter"/>), every cell as invariant text (<see cref="Text"/>), flushed every few hundred rows.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private const int FlushEvery = 500;

    /// <summary>Writes the table to <paramref name="output"/> and returns the number of data rows.</summary>
    public static async Task<int> WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken = default)
    {
        // The BOM lets Excel read the file as UTF-8 (Chinese text); the writer itself emits none.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            bufferSize: 16 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync(table.Columns.Select(c => c.Name), cancellationToken);

        var count = 0;
        var fields = new string?[table.Columns.Count];
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < fields.Length; i++) fields[i] = Text(row[i]);
            await csv.WriteRowAsync(fields, cancellationToken);
            if (++count % FlushEvery == 0) await text.FlushAsync(cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>A cell as invariant text: numbers with <c>.</c>, dates <c>yyyy-MM-dd</c>, booleans true/false.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
