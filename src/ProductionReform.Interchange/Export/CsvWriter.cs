using System.Text;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
/// a double quote, CR or LF, and quotes inside doubled. Text that a spreadsheet would run as a formula is defused
/// first (<see cref="FormulaGuard"/>).
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private readonly StringBuilder _line = new();

    public async Task WriteRowAsync(IEnumerable<string?> fields, CancellationToken cancellationToken = default)
    {
        _line.Clear();
        var first = true;
        foreach (var field in fields)
        {
            if (!first) _line.Append(',');
            first = false;
            _line.Append(Field(field));
        }
        _line.Append("\r\n");
        await writer.WriteAsync(_line, cancellationToken);
    }

    /// <summary>
    /// One field as it appears in the file: formula-like text defused (<see cref="FormulaGuard"/>), then RFC 4180
    /// quoting. Null and empty are both an empty field.
    /// </summary>
    public static string Field(string? value)
    {
        value = FormulaGuard.Defuse(value);
        if (string.IsNullOrEmpty(value)) return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }
}
