using System.Text;

namespace ProductionReform.Api.Tests.Features;

/// <summary>A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.</summary>
internal sealed record CsvTable(List<string> Header, List<List<string>> Rows)
{
    public int Index(string column) => Header.IndexOf(column) is >= 0 and var i
        ? i
        : throw new AssertionException($"No column {column}: {string.Join(",", Header)}");

    public List<string> Column(string column) => Rows.Select(r => r[Index(column)]).ToList();

    public static CsvTable Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false, true).GetString(bytes);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) throw new AssertionException("The last record does not end with CRLF.");
        if (records.Count == 0) throw new AssertionException("No header.");
        return new CsvTable(records[0], records.Skip(1).ToList());
    }
}
