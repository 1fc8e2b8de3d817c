using System.Globalization;
using System.IO.Compression;
using System.Net;
using MiniExcelLibs;
using Npgsql;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// A workbook of 100,000 rows, exported by the API in a process of its own so that its peak resident memory can be read
/// (<c>VmHWM</c>), on a database of its own holding 100,000 synthetic sample firms.
/// </summary>
public sealed class LargeExportTests
{
    private const int Rows = 100_000;
    private const string Prefix = "导出测试企业";

    private string _connectionString = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _connectionString = await TestDatabase.CreateAsync("exportlarge");
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO enterprises (name, name_en, industry_id, region_id, employee_count, is_backbone, is_sample, description)
            SELECT '{Prefix}' || lpad(i::text, 6, '0'), 'Export test firm ' || i,
                   (SELECT id FROM industries WHERE code = 'TEXTILE'), (SELECT id FROM regions WHERE name = '崇川区'),
                   50 + i % 4950, i % 2 = 0, true, 'synthetic export test row'
            FROM generate_series(1, {Rows}) AS i
            """, connection);
        await insert.ExecuteNonQueryAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await TestDatabase.DropAsync(_connectionString);

    [Test]
    public async Task A_hundred_thousand_rows_stream_out_without_the_workbook_held_in_memory()
    {
        await using var api = await ApiProcess.StartAsync(_connectionString);
        var where = Uri.EscapeDataString(NameFilter("startsWith", Prefix));
        // The same export of one row first, so that what is loaded once (code, the schema, the query plan) is in the baseline.
        var one = Uri.EscapeDataString(NameFilter("eq", Prefix + "000001"));
        using (var warmUp = await api.Client.GetAsync($"/export/enterprises.xlsx?where={one}"))
            Assert.That(warmUp.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = PeakResidentBytes(api.Id);

        var file = Path.Combine(Path.GetTempPath(), $"large-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var url = $"/export/enterprises.xlsx?where={where}";
            using (var response = await api.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead))
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                await using var output = File.Create(file);
                await response.Content.CopyToAsync(output);
            }
            var after = PeakResidentBytes(api.Id);

            long sheetBytes;
            using (var zip = ZipFile.OpenRead(file)) sheetBytes = zip.GetEntry("xl/worksheets/sheet1.xml")!.Length;
            var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "enterprises").Count();
            var growth = after - before;
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{rows} rows: workbook {new FileInfo(file).Length / 1e6:F1} MB ({sheetBytes / 1e6:F1} MB of sheet XML); " +
                $"API peak RSS {before / 1e6:F0} MB before, {after / 1e6:F0} MB after (+{growth / 1e6:F0} MB)."));
            Assert.Multiple(() =>
            {
                Assert.That(rows, Is.EqualTo(Rows));
                // Holding the sheet (as a zip library in update mode does) would grow the process by its whole XML at least.
                Assert.That(growth, Is.LessThan(sheetBytes), "the peak resident memory grew by less than the sheet's XML");
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string NameFilter(string operation, string value) =>
        new JsonObject { ["name"] = new JsonObject { [operation] = value } }.ToJsonString();

    /// <summary>The process's peak resident set size (<c>VmHWM</c> of /proc/&lt;pid&gt;/status).</summary>
    private static long PeakResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
