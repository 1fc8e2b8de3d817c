namespace ProductionReform.Interchange.Import;

/// <summary>One record of an import file: its row number and its cells by column name (a null value is an empty cell).</summary>
public sealed class ImportRecord(int row, IReadOnlyList<string> columns, IReadOnlyList<string?> values)
{
    /// <summary>CSV: the record's row in the file, the header being row 1. JSON: the object's position in the array, from 1.</summary>
    public int Row { get; } = row;

    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<string?> Values { get; } = values;

    /// <summary>Problems the reader found in the record itself (a CSV record with too many fields, a JSON object as a value).</summary>
    public List<ImportProblem>? Problems { get; init; }
}
