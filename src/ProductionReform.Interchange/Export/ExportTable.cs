namespace ProductionReform.Interchange.Export;

/// <summary>
/// What an export writes, whatever the file format (<see cref="CsvFile"/>, <see cref="XlsxFile"/>): a named table of typed
/// cells, its rows streamed as the database returns them.
/// </summary>
/// <param name="Name">The table's name: the sheet of a workbook.</param>
/// <param name="Rows">One cell per column, typed as <see cref="ExportColumn"/> says; enumerated once.</param>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);
