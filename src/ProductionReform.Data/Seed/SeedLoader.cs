using System.Linq.Expressions;
using System.Reflection;
using Mapster;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

/// <summary>
/// Loads the versioned seed (Seed/*.json) into the registry: upserts every record by its natural key in one
/// transaction, so running it again changes nothing.
/// </summary>
public static class SeedLoader
{
    /// <summary>
    /// Inserts missing seed records, updates changed fields and citation links of existing ones, and reports the
    /// rows it inserted and updated (zero and zero when the database already holds the seed). Rows that are not in
    /// the seed are left alone. Records the seed's version (<see cref="SeedState"/>). Clears <paramref name="db"/>'s
    /// change tracker first.
    /// </summary>
    public static Task<SeedReport> SeedAsync(RegistryDbContext db, CancellationToken ct = default) =>
        ApplyAsync(db, unlessRecorded: false, ct);

    /// <summary>
    /// <see cref="SeedAsync"/>, unless the database records that it holds this very seed (<see cref="SeedState"/>):
    /// then one query instead of comparing every seeded row, and edits made since to seeded rows stay.
    /// </summary>
    public static async Task<SeedReport> SeedIfChangedAsync(RegistryDbContext db, CancellationToken ct = default)
    {
        // No lock needed to see it: a version is committed together with the seed it names.
        if (await SeedState.RecordedVersionAsync(db, ct) == SeedState.CurrentVersion) return SeedReport.AlreadyApplied;
        return await ApplyAsync(db, unlessRecorded: true, ct);
    }

    private static async Task<SeedReport> ApplyAsync(RegistryDbContext db, bool unlessRecorded, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var report = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SeedState.LockAsync(db, ct);
            // Another instance may have applied it while this one waited for the lock.
            if (unlessRecorded && await SeedState.RecordedVersionAsync(db, ct) == SeedState.CurrentVersion)
                return SeedReport.AlreadyApplied;
            var run = new Run(db, ct);
            await run.ApplyAsync(SeedData.Load());
            var report = run.Report();
            await db.SaveChangesAsync(ct);
            await SeedState.RecordAsync(db, ct);
            await transaction.CommitAsync(ct);
            return report;
        });
        // Fresh statistics, so that the first requests get plans for the rows as they now are, not for empty tables.
        if (!report.ChangedNothing) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return report;
    }

    private sealed class Run(RegistryDbContext db, CancellationToken ct)
    {
        // A config of our own, so the application's global Mapster settings do not change what the seed writes.
        private static readonly TypeAdapterConfig Mapping = new();
        private readonly HashSet<Entity> existing = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<Entity> relinked = new(ReferenceEqualityComparer.Instance);
        private Dictionary<string, Citation> citations = [];

        public async Task ApplyAsync(SeedData seed)
        {
            var sources = await UpsertAsync<Source, SourceSeed>(seed.Sources, s => s.Code, d => d.Code);
            citations = await UpsertAsync<Citation, CitationSeed>(seed.Citations, c => c.Code, d => d.Code,
                (d, c, _) => Link(c, x => x.Source, Find(sources, d.SourceCode, "source")));

            var regions = await UpsertAsync<Region, RegionSeed>(seed.Regions, r => r.Name, d => d.Name,
                (d, r, self) => Link(r, x => x.Parent, Find(self, d.ParentName, "region")));

            var industries = await UpsertAsync<Industry, IndustrySeed>(seed.Industries, i => i.Code, d => d.Code,
                (d, i, self) => Link(i, x => x.Parent, Find(self, d.ParentCode, "industry")));

            var enterprises = await UpsertAsync<Enterprise, EnterpriseSeed>(seed.Enterprises, e => e.Name, d => d.Name, (d, e, _) =>
                Link(e, x => x.Industry, Find(industries, d.IndustryCode, "industry")) |
                Link(e, x => x.Region, Find(regions, d.RegionName, "region")));

            var programs = await UpsertAsync<PilotProgram, PilotProgramSeed>(seed.Programs, p => p.Code, d => d.Code, (d, p, _) =>
                Link(p, x => x.Industry, Find(industries, d.IndustryCode, "industry")));

            await UpsertAsync<PilotEnrollment, PilotEnrollmentSeed>(seed.Enrollments, e => e.Enterprise.Name, d => d.EnterpriseName,
                (d, e, _) =>
                    Link(e, x => x.Enterprise, Find(enterprises, d.EnterpriseName, "enterprise")) |
                    Link(e, x => x.Program, Find(programs, d.ProgramCode, "pilot program")));

            var documents = await UpsertAsync<PolicyDocument, PolicyDocumentSeed>(seed.Documents, p => p.Title, d => d.Title, (d, p, _) =>
                Link(p, x => x.Industry, Find(industries, d.IndustryCode, "industry")) |
                SetMembers(p.Programs, d.ProgramCodes.Select(code => Find(programs, code, "pilot program")!)),
                include: nameof(PolicyDocument.Programs));

            await UpsertAsync<ReformMeasure, ReformMeasureSeed>(seed.Measures, m => m.Code, d => d.Code, (d, m, _) =>
                Link(m, x => x.Document, Find(documents, d.DocumentTitle, "policy document")) |
                Link(m, x => x.Industry, Find(industries, d.IndustryCode, "industry")));

            var studios = await UpsertAsync<InnovationStudio, InnovationStudioSeed>(seed.Studios, s => s.Name, d => d.Name, (d, s, self) =>
                Link(s, x => x.HostEnterprise, Find(enterprises, d.HostEnterpriseName, "enterprise")) |
                Link(s, x => x.Industry, Find(industries, d.IndustryCode, "industry")) |
                Link(s, x => x.InspiredBy, Find(self, d.InspiredByName, "studio")));

            await UpsertAsync<SkillStandard, SkillStandardSeed>(seed.Standards, s => s.Title, d => d.Title, (d, s, _) =>
                Link(s, x => x.IssuerEnterprise, Find(enterprises, d.IssuerEnterpriseName, "enterprise")) |
                Link(s, x => x.IssuerRegion, Find(regions, d.IssuerRegionName, "region")) |
                Link(s, x => x.ProducedByStudio, Find(studios, d.ProducedByStudioName, "studio")) |
                Link(s, x => x.Industry, Find(industries, d.IndustryCode, "industry")));

            await UpsertAsync<TrainingProgram, TrainingProgramSeed>(seed.TrainingPrograms, t => t.Name, d => d.Name, (d, t, _) =>
                Link(t, x => x.Enterprise, Find(enterprises, d.EnterpriseName, "enterprise")) |
                Link(t, x => x.Industry, Find(industries, d.IndustryCode, "industry")));

            await UpsertAsync<PracticeCase, PracticeCaseSeed>(seed.Cases, c => c.Title, d => d.Title, (d, c, _) =>
                Link(c, x => x.Enterprise, Find(enterprises, d.EnterpriseName, "enterprise")));

            // An indicator row carries the indicator and one value; the value's natural key is (indicator, region, asOf).
            var indicators = await UpsertAsync<Indicator, IndicatorSeed>(seed.Indicators.DistinctBy(d => d.Code), i => i.Code, d => d.Code);
            var seedDates = seed.Indicators.Select(d => d.AsOf).Distinct().ToList();
            await UpsertAsync<IndicatorValue, IndicatorSeed>(seed.Indicators,
                v => ValueKey(v.Indicator.Code, v.Region == null ? null : v.Region.Name, v.AsOf),
                d => ValueKey(d.Code, d.RegionName, d.AsOf),
                (d, v, _) =>
                    Link(v, x => x.Indicator, Find(indicators, d.Code, "indicator")) |
                    Link(v, x => x.Region, Find(regions, d.RegionName, "region")),
                scope: v => seedDates.Contains(v.AsOf));
        }

        public SeedReport Report()
        {
            db.ChangeTracker.DetectChanges();
            var counts = db.ChangeTracker.Entries<Entity>()
                .GroupBy(e => e.Metadata.ClrType.Name)
                .ToDictionary(g => g.Key, g => (
                    Inserted: g.Count(e => e.State == EntityState.Added),
                    Updated: g.Count(e =>
                        existing.Contains(e.Entity) && (e.State == EntityState.Modified || relinked.Contains(e.Entity)))));
            return new SeedReport(counts.Values.Sum(c => c.Inserted), counts.Values.Sum(c => c.Updated), counts);
        }

        private static string ValueKey(string indicator, string? region, DateOnly? asOf) => $"{indicator}|{region}|{asOf:O}";

        /// <summary>
        /// The one upsert: loads the table (with its citations and <paramref name="include"/>), inserts the seed
        /// records it lacks, copies the seed's scalar fields onto those it has (Mapster), then lets
        /// <paramref name="link"/> set references (it also gets this set by key, for parents) and replaces the
        /// citation links. Returns every row of the table by natural key.
        /// </summary>
        private async Task<Dictionary<string, T>> UpsertAsync<T, TSeed>(IEnumerable<TSeed> records, Expression<Func<T, string>> key,
            Func<TSeed, string> seedKey, Func<TSeed, T, Dictionary<string, T>, bool>? link = null, Expression<Func<T, bool>>? scope = null,
            params string[] include)
            where T : Entity
        {
            records = records.ToList();
            // Only the rows the seed can name are loaded, so start-up stays quick however many rows users added.
            scope ??= Expression.Lambda<Func<T, bool>>(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
                Expression.Constant(records.Select(seedKey).ToList()), key.Body), key.Parameters);
            IQueryable<T> query = db.Set<T>().Where(scope).AsSplitQuery();
            foreach (var navigation in typeof(ICited).IsAssignableFrom(typeof(T)) ? [nameof(ICited.Sources), .. include] : include)
                query = query.Include(navigation);
            var rows = await query.ToListAsync(ct);
            existing.UnionWith(rows);
            var byKey = rows.ToDictionary(key.Compile());

            var applied = new List<(TSeed Seed, T Row)>();
            var seen = new HashSet<string>();
            foreach (var record in records)
            {
                if (!seen.Add(seedKey(record)))
                    throw new InvalidOperationException($"The seed holds two {typeof(T).Name} records with the key '{seedKey(record)}'.");
                if (byKey.TryGetValue(seedKey(record), out var row))
                {
                    record.Adapt(row, Mapping);
                }
                else
                {
                    row = record.Adapt<TSeed, T>(Mapping);
                    db.Add(row);
                    byKey[seedKey(record)] = row;
                }
                applied.Add((record, row));
            }

            foreach (var (record, row) in applied)
            {
                var changed = link?.Invoke(record, row, byKey) ?? false;
                if (row is ICited cited && record is ICitedSeed cites)
                    changed |= SetMembers(cited.Sources, cites.Citations.Select(code => Find(citations, code, "citation")!));
                if (changed) relinked.Add(row);
            }
            return byKey;
        }

        /// <summary>
        /// Points a reference navigation at <paramref name="target"/>; true when that changes it. Navigations of
        /// loaded rows are reliable here because the rows the seed references are loaded into the same context.
        /// </summary>
        private static bool Link<T, TTarget>(T row, Expression<Func<T, TTarget?>> navigation, TTarget? target)
            where T : Entity where TTarget : Entity
        {
            var property = (PropertyInfo)((MemberExpression)navigation.Body).Member;
            if (ReferenceEquals(property.GetValue(row), target)) return false;
            property.SetValue(row, target);
            return true;
        }

        /// <summary>Makes a many-to-many collection hold exactly <paramref name="wanted"/>; true when that changes it.</summary>
        private static bool SetMembers<T>(ICollection<T> members, IEnumerable<T> wanted) where T : Entity
        {
            var target = wanted.ToHashSet();
            var stale = members.Where(m => !target.Contains(m)).ToList();
            var missing = target.Where(m => !members.Contains(m)).ToList();
            foreach (var m in stale) members.Remove(m);
            foreach (var m in missing) members.Add(m);
            return stale.Count + missing.Count > 0;
        }

        private static T? Find<T>(Dictionary<string, T> rows, string? key, string what) where T : class =>
            key is null ? null
            : rows.TryGetValue(key, out var row) ? row
            : throw new InvalidOperationException($"The seed refers to an unknown {what} '{key}'.");
    }
}
