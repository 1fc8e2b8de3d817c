using ProductionReform.Interchange.Export;

namespace ProductionReform.Api.Export;

/// <summary>A file format of the exports: CSV holds one table, an Excel workbook a sheet per table.</summary>
public sealed record ExportFormat(string Extension, string ContentType, bool HoldsSeveralTables)
{
    public static readonly ExportFormat Csv = new(".csv", CsvFile.ContentType, HoldsSeveralTables: false);

    public static readonly ExportFormat Xlsx = new(".xlsx", XlsxFile.ContentType, HoldsSeveralTables: true);

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Xlsx];

    /// <summary>The format of a file name, by its extension, or null.</summary>
    public static ExportFormat? Of(string file) => All.FirstOrDefault(f => file.EndsWith(f.Extension, StringComparison.Ordinal));

    /// <summary>Writes <paramref name="tables"/>: all of them as sheets, or the first alone.</summary>
    public Task WriteAsync(IReadOnlyList<ExportTable> tables, Stream output, CancellationToken cancellationToken) =>
        HoldsSeveralTables
            ? XlsxFile.WriteAsync(tables, output, cancellationToken)
            : CsvFile.WriteAsync(tables[0], output, cancellationToken);
}
