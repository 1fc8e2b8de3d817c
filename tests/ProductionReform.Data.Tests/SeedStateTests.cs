using Microsoft.EntityFrameworkCore;
using ProductionReform.Data.Seed;
using ProductionReform.Domain;

namespace ProductionReform.Data.Tests;

/// <summary>
/// The start-up seed (<see cref="SeedLoader.SeedIfChangedAsync"/>): an empty database is seeded and records the seed's
/// version; while the version is unchanged the rows are not compared (an edit to a seeded row stays); a different
/// recorded version compares them all again; two instances starting together seed once.
/// </summary>
[NonParallelizable]
public class SeedStateTests
{
    private const string EditedName = "Haimen (edited)";

    private ScratchDatabase database = null!;
    private SeedReport first = null!;

    [OneTimeSetUp]
    public async Task SeedAnEmptyDatabase()
    {
        database = await ScratchDatabase.CreateMigratedAsync("seedstate");
        await using var db = database.NewContext();
        first = await SeedLoader.SeedIfChangedAsync(db);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (database is not null) await database.DisposeAsync();
    }

    /// <summary>Each test starts from the seed as this build writes it, recorded as such.</summary>
    [SetUp]
    public async Task RestoreTheSeed()
    {
        await using var db = database.NewContext();
        await SeedLoader.SeedAsync(db);
    }

    [Test]
    public async Task An_empty_database_is_seeded_and_records_the_version()
    {
        await using var db = database.NewContext();
        var counts = await database.CountRowsAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(first.Skipped, Is.False);
            Assert.That(first.Inserted, Is.GreaterThan(100), first.ToString());
            Assert.That(first.ByEntity[nameof(Enterprise)].Inserted, Is.EqualTo(counts["enterprises"]));
            Assert.That(await SeedState.RecordedVersionAsync(db, CancellationToken.None), Is.EqualTo(SeedState.CurrentVersion));
        });
    }

    [Test]
    public async Task An_unchanged_version_skips_the_comparison()
    {
        await EditHaimenAsync();

        SeedReport report;
        await using (var db = database.NewContext())
            report = await SeedLoader.SeedIfChangedAsync(db);

        Assert.Multiple(async () =>
        {
            Assert.That(report.Skipped, Is.True, report.ToString());
            Assert.That(await HaimenNameAsync(), Is.EqualTo(EditedName), "the edit was not compared with the seed");
        });
    }

    [Test]
    public async Task A_different_recorded_version_compares_every_row_again()
    {
        await EditHaimenAsync();
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync($"UPDATE {SeedState.Table} SET version = 'an older seed'");

        SeedReport report;
        await using (var db = database.NewContext())
            report = await SeedLoader.SeedIfChangedAsync(db);

        await using var check = database.NewContext();
        Assert.Multiple(async () =>
        {
            Assert.That(report.Skipped, Is.False);
            Assert.That(report.Inserted, Is.Zero, report.ToString());
            Assert.That(report.Updated, Is.EqualTo(1), report.ToString());
            Assert.That(await HaimenNameAsync(), Is.EqualTo("Haimen District"));
            Assert.That(await SeedState.RecordedVersionAsync(check, CancellationToken.None), Is.EqualTo(SeedState.CurrentVersion));
        });
    }

    [Test]
    public async Task Two_instances_starting_together_on_an_empty_database_seed_it_once()
    {
        await using var empty = await ScratchDatabase.CreateMigratedAsync("seedstate_race");
        await using var one = empty.NewContext();
        await using var other = empty.NewContext();

        var reports = await Task.WhenAll(SeedLoader.SeedIfChangedAsync(one), SeedLoader.SeedIfChangedAsync(other));

        Assert.Multiple(async () =>
        {
            Assert.That(reports.Count(r => r.Skipped), Is.EqualTo(1), string.Join(" | ", reports.Select(r => r.ToString())));
            Assert.That(reports.Sum(r => r.Inserted), Is.EqualTo(first.Inserted));
            Assert.That(await empty.CountRowsAsync(), Is.EqualTo(await database.CountRowsAsync()));
        });
    }

    private async Task EditHaimenAsync()
    {
        await using var db = database.NewContext();
        await db.Regions.Where(r => r.Name == "海门区").ExecuteUpdateAsync(r => r.SetProperty(x => x.NameEn, EditedName));
    }

    private async Task<string?> HaimenNameAsync()
    {
        await using var db = database.NewContext();
        return await db.Regions.Where(r => r.Name == "海门区").Select(r => r.NameEn).SingleAsync();
    }
}
