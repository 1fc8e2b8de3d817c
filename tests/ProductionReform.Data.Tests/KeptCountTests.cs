using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Data.Counting;
using ProductionReform.Data.Seed;

namespace ProductionReform.Data.Tests;

/// <summary>
/// The counts the database keeps per parent (<see cref="KeptCounts"/>) equal the rows each parent has, for every
/// counted relation: after the seed, after inserts, moves and deletes of many rows, after merging, and after
/// serializable writers add rows to one parent at the same time (none of them refused).
/// </summary>
[NonParallelizable]
public class KeptCountTests
{
    private ScratchDatabase database = null!;
    private IReadOnlyList<KeptRelation> relations = null!;

    [OneTimeSetUp]
    public async Task SeedADatabase()
    {
        database = await ScratchDatabase.CreateMigratedAsync("keptcounts");
        await using var db = database.NewContext();
        await SeedLoader.SeedAsync(db);
        relations = KeptCounts.Relations(RegistryDatabase.DesignModel());
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [Test]
    public async Task Every_one_to_many_relation_is_counted_and_its_table_has_the_triggers()
    {
        var triggers = await QueryAsync<string>("""
            SELECT c.relname || ':' || t.tgname || ':' || encode(t.tgargs, 'escape') FROM pg_trigger AS t
            JOIN pg_class AS c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'kept_counts_%'
            """);
        var missing = relations.SelectMany(r => KeptCounts.TriggerNames.Select(name => (r, name)))
            .Where(x => !triggers.Any(t => t.StartsWith($"{x.r.Table}:{x.name}:") && t.Split(':')[2].Split(@"\000").Contains(x.r.Column)))
            .Select(x => $"{x.r.Name} {x.name}");
        Assert.Multiple(() =>
        {
            Assert.That(relations.Select(r => r.Name), Does.Contain("enterprises.industry_id").And.Contain("enterprises.region_id")
                .And.Contain("innovation_studios.host_enterprise_id").And.Contain("pilot_enrollments.program_id"));
            Assert.That(missing, Is.Empty, "each counted relation needs its triggers in a migration");
        });
    }

    [Test]
    public async Task The_seed_is_counted()
    {
        Assert.That(await MiscountsAsync(), Is.Empty);
    }

    [Test]
    public async Task Inserts_moves_and_deletes_of_many_rows_are_counted_and_merging_keeps_the_counts()
    {
        await ExecuteAsync("""
            INSERT INTO industries (code, name, kind) VALUES ('kept-a', 'Kept A', 'OTHER'), ('kept-b', 'Kept B', 'OTHER');
            INSERT INTO enterprises (name, industry_id, region_id, is_sample)
            SELECT 'Kept sample ' || n, (SELECT id FROM industries WHERE code = CASE WHEN n % 3 = 0 THEN 'kept-a' ELSE 'kept-b' END),
                (SELECT min(id) FROM regions), true
            FROM generate_series(1, 300) AS n;
            UPDATE enterprises SET industry_id = (SELECT id FROM industries WHERE code = 'kept-a')
            WHERE name LIKE 'Kept sample 1%';
            UPDATE enterprises SET region_id = NULL, name_en = 'moved out' WHERE name LIKE 'Kept sample 2%';
            UPDATE enterprises SET description = 'unchanged references' WHERE name LIKE 'Kept sample 3%';
            DELETE FROM enterprises WHERE name LIKE 'Kept sample 4%';
            """);
        var beforeMerging = await MiscountsAsync();
        await ExecuteAsync(KeptCounts.CompactSql);
        var rowsPerParent = await QueryAsync<long>("SELECT count(*) FROM kept_counts GROUP BY relation, parent_id HAVING count(*) > 1");

        Assert.Multiple(async () =>
        {
            Assert.That(beforeMerging, Is.Empty);
            Assert.That(await MiscountsAsync(), Is.Empty);
            Assert.That(rowsPerParent, Is.Empty, "a merge leaves one row per parent");
        });
    }

    [Test]
    public async Task Serializable_writers_adding_to_one_parent_at_once_all_commit_and_are_counted()
    {
        await ExecuteAsync("INSERT INTO industries (code, name, kind) VALUES ('kept-busy', 'Kept busy', 'OTHER')");
        var writers = Enumerable.Range(0, 8).Select(async writer =>
        {
            await using var connection = await OpenAsync();
            for (var round = 0; round < 5; round++)
            {
                await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                await using var insert = new NpgsqlCommand($"""
                    INSERT INTO enterprises (name, industry_id, is_sample)
                    SELECT 'Busy {writer}-{round}-' || n, (SELECT id FROM industries WHERE code = 'kept-busy'), true
                    FROM generate_series(1, 3) AS n
                    """, connection, transaction);
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        });
        await Task.WhenAll(writers);

        var kept = await QueryAsync<int>(
            "SELECT kept_count('enterprises.industry_id', id) FROM industries WHERE code = 'kept-busy'");
        Assert.Multiple(async () =>
        {
            Assert.That(kept, Is.EqualTo(new[] { 8 * 5 * 3 }));
            Assert.That(await MiscountsAsync(), Is.Empty);
        });
    }

    /// <summary>Each parent whose kept count differs from its rows, as "relation parent: kept ≠ counted".</summary>
    private async Task<List<string>> MiscountsAsync()
    {
        var miscounts = new List<string>();
        foreach (var relation in relations)
        {
            miscounts.AddRange(await QueryAsync<string>($"""
                SELECT '{relation.Name} ' || coalesce(counted.parent_id, kept.parent_id) || ': '
                    || coalesce(kept.rows, 0) || ' ≠ ' || coalesce(counted.rows, 0)
                FROM (SELECT "{relation.Column}" AS parent_id, count(*) AS rows FROM "{relation.Table}"
                      WHERE "{relation.Column}" IS NOT NULL GROUP BY 1) AS counted
                FULL JOIN (SELECT parent_id, sum(count_change) AS rows FROM kept_counts WHERE relation = '{relation.Name}'
                           GROUP BY 1 HAVING sum(count_change) <> 0) AS kept ON kept.parent_id = counted.parent_id
                WHERE coalesce(kept.rows, 0) <> coalesce(counted.rows, 0)
                """));
        }
        return miscounts;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        await using var db = database.NewContext();
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
