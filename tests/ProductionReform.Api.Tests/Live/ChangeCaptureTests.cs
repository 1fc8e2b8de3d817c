using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProductionReform.Data;
using ProductionReform.Data.Changes;
using ProductionReform.Domain;

namespace ProductionReform.Api.Tests.Live;

/// <summary>The migrated database logs every registry table of the current model: a table added without its triggers fails here.</summary>
public sealed class ChangeCaptureTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("live_capture");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Every_record_and_link_table_has_the_change_triggers()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Model;
        var captured = ChangeCapture.Tables(model);

        var records = model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName());
        var links = model.GetEntityTypes().SelectMany(t => t.GetSkipNavigations()).Select(n => n.JoinEntityType.GetTableName());
        Assert.That(captured.Select(t => t.Name), Is.EquivalentTo(records.Concat(links).Distinct()),
            "the captured tables are the registry's records and the links between them");

        foreach (var table in captured)
        {
            var triggers = await LiveDatabase.ScalarAsync<string[]>(_api.ConnectionString, $$"""
                SELECT coalesce(array_agg(tgname::text ORDER BY tgname), '{}') FROM pg_trigger
                WHERE tgrelid = '"{{table.Name}}"'::regclass AND NOT tgisinternal
                """);
            Assert.That(triggers, Is.SupersetOf(ChangeCapture.TriggerNames), $"the triggers on {table.Name}");
        }
    }
}
