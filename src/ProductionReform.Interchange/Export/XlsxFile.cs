using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ProductionReform.Interchange.Export;

/// <summary>
/// <see cref="ExportTable"/>s as the sheets of one Excel workbook (MiniExcel): a header row, frozen, with an auto-filter,
/// then typed cells — numbers as numbers, dates as dates (<c>yyyy-mm-dd</c>), booleans as booleans, text defused as in
/// CSV. The workbook is a zip written entry after entry straight to the output and every row goes out as it is read, so
/// no sheet is held in memory.
/// </summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DateFormat = "yyyy-mm-dd";

    public static async Task WriteAsync(IReadOnlyList<ExportTable> tables, Stream output, CancellationToken cancellationToken = default)
    {
        var sheets = new OrderedDictionary<string, object>();
        foreach (var table in tables) sheets.Add(table.Name, new XlsxRows(table, cancellationToken));
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableWriteNullValueCell = false,
            DynamicColumns = tables.SelectMany(t => t.Columns).Where(c => c.IsDate).Select(c => c.Name).Distinct()
                .Select(name => new DynamicExcelColumn(name) { Format = DateFormat }).ToArray(),
        };
        await output.SaveAsAsync(sheets, configuration: configuration, cancellationToken: cancellationToken);
    }
}
