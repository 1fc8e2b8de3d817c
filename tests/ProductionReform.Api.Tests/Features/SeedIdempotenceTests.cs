using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Data.Seed;

namespace ProductionReform.Api.Tests.Features;

/// <summary>
/// The seed runs at every start-up; on a database that already holds it, it must change nothing: no row inserted,
/// updated, deleted or rewritten (row counts and every row's xmin/ctid stay as they were).
/// </summary>
public sealed class SeedIdempotenceTests
{
    private RegistryApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await RegistryApi.StartAsync("seed_idempotence");

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Starting_the_API_again_on_the_same_database_changes_no_row()
    {
        await _api.QueryAsync("{ regions { totalCount } }"); // the first API is up and has seeded
        var before = await TableSnapshotAsync();

        await using (var second = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development");
            host.UseSetting("ConnectionStrings:Registry", _api.ConnectionString);
        }))
        {
            using var client = second.CreateClient(); // starts the host: migrations, then the seed
            using var response = await client.PostAsync("/graphql",
                new StringContent("""{"query":"{ regions { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        }

        var after = await TableSnapshotAsync();
        Assert.That(after, Is.EqualTo(before), Describe(before, after));
    }

    [Test]
    public async Task Seeding_a_seeded_database_reports_nothing_inserted_or_updated()
    {
        var before = await TableSnapshotAsync();

        SeedReport report;
        var options = RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), _api.ConnectionString).Options;
        await using (var db = new RegistryDbContext(options))
            report = await SeedLoader.SeedAsync(db);

        var after = await TableSnapshotAsync();
        Assert.Multiple(() =>
        {
            Assert.That(report.Inserted, Is.Zero, report.ToString());
            Assert.That(report.Updated, Is.Zero, report.ToString());
            Assert.That(report.ChangedNothing, Is.True, report.ToString());
            Assert.That(after, Is.EqualTo(before), Describe(before, after));
        });
    }

    [Test]
    public async Task Seeding_twice_in_a_row_reports_nothing_the_second_time()
    {
        var options = RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), _api.ConnectionString).Options;
        await using (var db = new RegistryDbContext(options))
            await SeedLoader.SeedAsync(db);
        var before = await TableSnapshotAsync();

        SeedReport again;
        await using (var db = new RegistryDbContext(options))
            again = await SeedLoader.SeedAsync(db);

        var after = await TableSnapshotAsync();
        Assert.Multiple(() =>
        {
            Assert.That(again.ChangedNothing, Is.True, again.ToString());
            Assert.That(after, Is.EqualTo(before), Describe(before, after));
        });
    }

    [Test]
    public async Task The_snapshot_sees_the_seeded_tables()
    {
        var snapshot = await TableSnapshotAsync();

        Assert.That(snapshot.Values.Sum(t => t.Rows), Is.GreaterThan(100), string.Join(", ", snapshot.Keys));
    }

    /// <summary>Every table of the public schema but EF's history: its row count and a hash of each row's xmin and ctid.</summary>
    private async Task<SortedDictionary<string, (long Rows, string Fingerprint)>> TableSnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(_api.ConnectionString);
        await connection.OpenAsync();

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            ORDER BY table_name
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var snapshot = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"""
                SELECT count(*), coalesce(md5(string_agg(xmin::text || '@' || ctid::text, ',' ORDER BY ctid)), '')
                FROM "{table}"
                """, connection);
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        return snapshot;
    }

    private static string Describe(SortedDictionary<string, (long Rows, string Fingerprint)> before,
        SortedDictionary<string, (long Rows, string Fingerprint)> after) =>
        string.Join("; ", before.Keys.Union(after.Keys)
            .Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || a != b)
            .Select(t => $"{t}: {(before.TryGetValue(t, out var b) ? b.Rows.ToString() : "-")} rows → " +
                         $"{(after.TryGetValue(t, out var a) ? a.Rows.ToString() : "-")} rows" +
                         (before.TryGetValue(t, out var b2) && after.TryGetValue(t, out var a2) && a2.Rows == b2.Rows
                             ? " (rows rewritten)"
                             : "")));
}
