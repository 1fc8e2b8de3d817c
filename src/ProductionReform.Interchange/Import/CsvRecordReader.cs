using System.Globalization;
using System.Text;

namespace ProductionReform.Interchange.Import;

/// <summary>
/// Reads RFC 4180 CSV incrementally from a stream: fields separated by commas, records by CRLF or LF, a field in
/// double quotes may hold commas, quotes (doubled) and line breaks. The text must be UTF-8; a byte order mark is
/// skipped. Only one record is held at a time, so the size of the file does not matter.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private bool _end;

    public CsvRecordReader(Stream stream)
    {
        // Invalid UTF-8 throws (DecoderFallbackException) rather than turning silently into U+FFFD.
        _reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
    }

    /// <summary>The 1-based number of the record last read (the header is record 1), as a spreadsheet numbers its rows.</summary>
    public int Record { get; private set; }

    /// <summary>
    /// The next record's fields, or null at the end. Lines that are wholly empty are skipped. A quoted field that is
    /// never closed throws <see cref="FormatException"/> naming the record where it started.
    /// </summary>
    public async ValueTask<List<string>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var fields = await ReadRecordAsync(cancellationToken);
            if (fields is null) return null;
            Record++;
            if (fields is [""]) continue; // an empty line
            return fields;
        }
    }

    private async ValueTask<List<string>?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken)) return null;
        if (Record == 0 && _buffer[_position] == '\uFEFF') _position++; // a byte order mark
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field started with a quote
        while (true)
        {
            if (_position == _length && !await FillAsync(cancellationToken))
            {
                if (quoted) throw new FormatException($"A quoted field that starts in row {Record + 1} is never closed.");
                fields.Add(_field.ToString());
                return fields;
            }
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c != '"')
                {
                    _field.Append(c);
                    continue;
                }
                // A quote inside a quoted field: doubled means a literal quote, else the field ends.
                if (_position == _length && !await FillAsync(cancellationToken)) quoted = false;
                else if (_buffer[_position] == '"')
                {
                    _field.Append('"');
                    _position++;
                }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    if ((_position < _length || await FillAsync(cancellationToken)) && _buffer[_position] == '\n') _position++;
                    fields.Add(_field.ToString());
                    return fields;
                case '\n':
                    fields.Add(_field.ToString());
                    return fields;
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                default:
                    // A quote in the middle of an unquoted field is taken literally, as spreadsheets do.
                    _field.Append(c);
                    break;
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_position < _length) return true;
        if (_end) return false;
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        if (_length == 0) _end = true;
        return _length > 0;
    }

    /// <summary>
    /// Undoes the export's guard against formula injection: a field the exporter prefixed with <c>'</c> because it
    /// starts with <c>=</c>, <c>@</c>, a tab, a CR, or <c>+</c>/<c>-</c> without being a number, loses that quote.
    /// </summary>
    public static string Unguard(string value)
    {
        if (value.Length < 2 || value[0] != '\'') return value;
        var rest = value[1..];
        return rest[0] switch
        {
            '=' or '@' or '\t' or '\r' => rest,
            '+' or '-' when !decimal.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => rest,
            _ => value,
        };
    }

    public void Dispose() => _reader.Dispose();
}
