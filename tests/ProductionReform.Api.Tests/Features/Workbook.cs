using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;

namespace ProductionReform.Api.Tests.Features;

/// <summary>An exported workbook, read back with MiniExcel (the library that wrote it) and, for the sheet views, as XML.</summary>
internal sealed class Workbook(byte[] bytes)
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public List<string> SheetNames => MiniExcel.GetSheetNames(Open());

    /// <summary>The first row's cells (MiniExcel names the columns of a sheet without data rows by letter).</summary>
    public List<string> Header(string sheet) =>
        [.. ((IDictionary<string, object?>)MiniExcel.Query(Open(), sheetName: sheet).First()).Values.Select(v => (string)v!)];

    /// <summary>The rows under the header, each cell by its column name, as MiniExcel types it (double, bool, DateTime, string).</summary>
    public List<IDictionary<string, object?>> Rows(string sheet) =>
        [.. MiniExcel.Query(Open(), useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    public List<object?> Column(string sheet, string column) => [.. Rows(sheet).Select(r => r[column])];

    /// <summary>The <c>pane</c> of the sheet's view (the frozen rows), or null.</summary>
    public XElement? Pane(int sheetNumber)
    {
        using var zip = new ZipArchive(Open(), ZipArchiveMode.Read);
        using var sheet = zip.GetEntry($"xl/worksheets/sheet{sheetNumber}.xml")!.Open();
        return XDocument.Load(sheet).Descendants(Main + "pane").SingleOrDefault();
    }

    private MemoryStream Open() => new(bytes, writable: false);
}
