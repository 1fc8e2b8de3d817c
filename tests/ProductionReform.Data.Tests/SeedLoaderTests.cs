using Microsoft.EntityFrameworkCore;
using ProductionReform.Data.Seed;
using ProductionReform.Domain;

namespace ProductionReform.Data.Tests;

/// <summary>Seeds a <see cref="ScratchDatabase"/> twice.</summary>
[NonParallelizable]
public class SeedLoaderTests
{
    private ScratchDatabase database = null!;
    private SeedReport first = null!;
    private SeedReport second = null!;
    private Dictionary<string, long> countsAfterFirst = null!;
    private Dictionary<string, long> countsAfterSecond = null!;

    [OneTimeSetUp]
    public async Task CreateMigrateAndSeedTwice()
    {
        database = await ScratchDatabase.CreateMigratedAsync("seedtest");
        await using var db = NewContext();
        first = await SeedLoader.SeedAsync(db);
        countsAfterFirst = await database.CountRowsAsync();
        second = await SeedLoader.SeedAsync(db);
        countsAfterSecond = await database.CountRowsAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Test]
    public void TheFirstRunInsertsTheSeed()
    {
        var seed = SeedData.Load();
        Assert.Multiple(() =>
        {
            Assert.That(first.Updated, Is.Zero, first.ToString());
            Assert.That(first.ByEntity[nameof(Citation)].Inserted, Is.EqualTo(seed.Citations.Count));
            Assert.That(first.ByEntity[nameof(Enterprise)].Inserted, Is.EqualTo(seed.Enterprises.Count));
            Assert.That(first.ByEntity[nameof(IndicatorValue)].Inserted, Is.EqualTo(seed.Indicators.Count));
            Assert.That(first.Inserted, Is.EqualTo(EntityTables().Sum(table => countsAfterFirst[table])), "every entity row");
        });
    }

    [Test]
    public void TheSecondRunChangesNothing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(second.Inserted, Is.Zero, second.ToString());
            Assert.That(second.Updated, Is.Zero, second.ToString());
            Assert.That(countsAfterSecond, Is.EqualTo(countsAfterFirst));
        });
    }

    [Test]
    public async Task EachPilotProgramHasItsSampleEnrollments()
    {
        await using var db = NewContext();
        var enrollments = await db.PilotPrograms
            .Select(p => new
            {
                p.Code,
                p.TargetCount,
                Samples = p.Enrollments.Count(e => e.IsSample && e.Enterprise.IsSample && e.Status == PilotStatus.Active),
            })
            .ToDictionaryAsync(p => p.Code);
        Assert.Multiple(() =>
        {
            Assert.That(enrollments["CONSTRUCTION_SPECIAL_GRADE_PILOT"].Samples, Is.EqualTo(24));
            Assert.That(enrollments["TEXTILE_PILOT"].Samples, Is.EqualTo(40));
            Assert.That(enrollments.Values.Select(p => p.Samples), Is.EqualTo(enrollments.Values.Select(p => p.TargetCount)));
        });
    }

    [Test]
    public async Task TheKnowledgePropertyBankIsHostedByZhongtianAndInspiredThreeOthers()
    {
        await using var db = NewContext();
        var bank = await db.InnovationStudios.Include(s => s.HostEnterprise).Include(s => s.Inspired)
            .SingleAsync(s => s.Kind == StudioKind.KnowledgePropertyBank);
        Assert.Multiple(() =>
        {
            Assert.That(bank.HostEnterprise?.Name, Is.EqualTo("中天科技"));
            Assert.That(bank.Inspired.Select(s => s.Kind), Is.EquivalentTo(new[]
                { StudioKind.CrowdInnovationBank, StudioKind.MicroInnovationBank, StudioKind.CulturePointsBank }));
            Assert.That(bank.Inspired.Select(s => s.HostEnterpriseId), Has.All.Null);
        });
    }

    [Test]
    public async Task TheArticleIsCitedAtLeastTwentyTimesAndEveryFactRecordIsCited()
    {
        await using var db = NewContext();
        Assert.Multiple(async () =>
        {
            Assert.That(await db.Citations.CountAsync(c => c.Source.Code == CitationQuoteTests.ArticleSourceCode),
                Is.GreaterThanOrEqualTo(20));
            Assert.That(await db.Enterprises.Where(e => !e.IsSample).AllAsync(e => e.Sources.Any()), Is.True);
            Assert.That(await db.Enterprises.Where(e => e.IsSample).AnyAsync(e => e.Sources.Any()), Is.False);
            Assert.That(await db.Regions.AllAsync(r => r.Sources.Any()), Is.True);
            Assert.That(await db.IndicatorValues.AllAsync(v => v.Sources.Any()), Is.True);
            Assert.That(await db.SkillStandards.AllAsync(s => s.Sources.Any()), Is.True);
        });
    }

    [Test]
    public async Task TheRegionTreeHasNantongAtItsRoot()
    {
        await using var db = NewContext();
        var regions = await db.Regions.Include(r => r.Parent).ToDictionaryAsync(r => r.Name);
        Assert.Multiple(() =>
        {
            Assert.That(regions["南通市"].Parent, Is.Null);
            Assert.That(regions.Values.Count(r => r.Parent?.Name == "南通市" && r.Code is not null), Is.EqualTo(7));
            Assert.That(regions["市区"].Kind, Is.EqualTo(RegionKind.AggregateArea));
            Assert.That(regions["市区"].Parent?.Name, Is.EqualTo("南通市"));
            Assert.That(regions["崇川区"].Code, Is.EqualTo("320613"));
            Assert.That(regions["崇川区观音山街道"].Parent?.Name, Is.EqualTo("崇川区"));
            Assert.That(regions["海安市"].Code, Is.EqualTo("320685"));
        });
    }

    [Test]
    public async Task ARunRestoresChangedFieldsAndLinks()
    {
        await using (var db = NewContext())
        {
            var region = await db.Regions.Include(r => r.Sources).SingleAsync(r => r.Name == "海门区");
            region.NameEn = "Haimen (edited)";
            var standard = await db.SkillStandards.Include(s => s.Sources).SingleAsync(s => s.PostCount == 30);
            standard.Sources.Clear();
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var report = await SeedLoader.SeedAsync(db);
            Assert.Multiple(() =>
            {
                Assert.That(report.Inserted, Is.Zero, report.ToString());
                Assert.That(report.Updated, Is.EqualTo(2), report.ToString());
                Assert.That(report.ByEntity[nameof(Region)].Updated, Is.EqualTo(1));
                Assert.That(report.ByEntity[nameof(SkillStandard)].Updated, Is.EqualTo(1));
            });
        }

        await using (var db = NewContext())
        {
            Assert.That((await db.Regions.SingleAsync(r => r.Name == "海门区")).NameEn, Is.EqualTo("Haimen District"));
            Assert.That(await db.SkillStandards.Where(s => s.PostCount == 30).SelectMany(s => s.Sources).CountAsync(), Is.EqualTo(1));
            Assert.That(await SeedLoader.SeedAsync(db), Has.Property(nameof(SeedReport.ChangedNothing)).True);
        }
    }

    private IEnumerable<string> EntityTables()
    {
        using var db = NewContext();
        return db.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)).Select(t => t.GetTableName()!).ToList();
    }

    private RegistryDbContext NewContext() => database.NewContext();
}
