using System.Text;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Import;

/// <summary>A large import, on a database of its own (the export of the other tests would exceed its row limit).</summary>
public sealed class LargeImportTests
{
    private RegistryApi _api = null!;
    private ImportClient _client = null!;
    private string _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await RegistryApi.StartAsync("importlarge");
        _client = new ImportClient(_api);
        _admin = await _client.CreateKeyAsync("import-large", RegistryRole.Admin);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task A_hundred_thousand_generated_enterprises_import_in_one_transaction()
    {
        const int count = 100_000;
        var csv = new StringBuilder("name,nameEn,industry,isSample\r\n", count * 64);
        for (var i = 1; i <= count; i++) csv.Append($"导入测试企业{i:D6},Import test enterprise {i:D6},纺织,true\r\n");
        var enterprisesBefore = await _client.ScalarAsync("SELECT count(*) FROM enterprises");
        var auditBefore = await _client.ScalarAsync("SELECT count(*) FROM audit_events");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await _client.ImportAsync("enterprises", csv.ToString(), _admin);
        watch.Stop();

        TestContext.Out.WriteLine($"Imported {count} enterprises in {watch.Elapsed.TotalSeconds:F1} s: " +
                                  $"{count / watch.Elapsed.TotalSeconds:F0} rows/s (audit events included).");
        Assert.Multiple(async () =>
        {
            Assert.That(result, Is.EqualTo((count, 0, 0, count)));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM enterprises") - enterprisesBefore, Is.EqualTo(count));
            Assert.That(await _client.ScalarAsync(
                "SELECT count(*) FROM enterprises WHERE name LIKE '导入测试企业%' AND is_sample AND industry_id IS NOT NULL"),
                Is.EqualTo(count));
            Assert.That(await _client.ScalarAsync("SELECT count(*) FROM audit_events") - auditBefore, Is.EqualTo(count),
                "one audit event per row");
            // All rows were inserted by one transaction, without savepoints: they share their xmin.
            Assert.That(await _client.ScalarAsync(
                "SELECT count(DISTINCT xmin::text) FROM enterprises WHERE name LIKE '导入测试企业%'"),
                Is.EqualTo(1));
        });
    }
}
