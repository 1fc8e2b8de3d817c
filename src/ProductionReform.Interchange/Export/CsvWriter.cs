using System.Globalization;
using System.Text;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
/// a double quote, CR or LF, and quotes inside doubled. Text that a spreadsheet would run as a formula is defused
/// first (see <see cref="Field"/>).
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
    /// One field as it appears in the file. Guard against CSV (formula) injection: a field that starts with
    /// <c>=</c>, <c>@</c>, a tab or a CR, or with <c>+</c> or <c>-</c> without being a plain number (so -12.5 stays a
    /// number, but -1+cmd|' /C calc'!A0 does not), is prefixed with a single quote <c>'</c>, which spreadsheets show
    /// as text and never evaluate. Then RFC 4180 quoting. Null and empty are both an empty field.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IsFormulaLike(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }

    private static bool IsFormulaLike(string value) => value[0] switch
    {
        '=' or '@' or '\t' or '\r' => true,
        '+' or '-' => !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };
}
