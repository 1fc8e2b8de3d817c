using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ProductionReform.Data.Tests;

/// <summary>
/// A nested page (a parent's first children in key order) reads a few index pages whatever other parents hold: here
/// 20,000 firms spread over four industries and a fifth without any, asked as a prepared statement with a generic plan,
/// as a lateral page is planned before the parent's key is known. Before, each page walked the primary key past the
/// other industries' firms: all of them for the empty one.
/// </summary>
[NonParallelizable]
public class ChildPageIndexTests
{
    private const int Firms = 20_000;

    private ScratchDatabase database = null!;

    [OneTimeSetUp]
    public async Task FillFourIndustries()
    {
        database = await ScratchDatabase.CreateMigratedAsync("childpages");
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO industries (code, name, kind)
            SELECT code, 'Industry ' || code, 'OTHER' FROM unnest(array['a', 'b', 'c', 'd', 'empty']) AS code;
            INSERT INTO enterprises (name, industry_id, is_sample)
            SELECT 'Sample firm ' || n, (SELECT id FROM industries WHERE code = (array['a', 'b', 'c', 'd'])[1 + n % 4]), true
            FROM generate_series(1, {Firms}) AS n;
            ANALYZE enterprises;
            """);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [TestCase("empty", 0)]
    [TestCase("a", 30)]
    public async Task A_parents_page_of_children_reads_a_few_pages(string industry, int rows)
    {
        await using var db = database.NewContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SET plan_cache_mode = force_generic_plan;
            PREPARE page(text) AS
                SELECT e.id, e.name FROM enterprises AS e
                WHERE e.industry_id = (SELECT id FROM industries WHERE code = $1) ORDER BY e.id LIMIT 30;
            EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE page('{industry}');
            """, connection);
        var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement[0].GetProperty("Plan");

        var pages = plan.GetProperty("Shared Hit Blocks").GetInt32() + plan.GetProperty("Shared Read Blocks").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("Actual Rows").GetInt32(), Is.EqualTo(rows));
            Assert.That(pages, Is.LessThan(12), plan.ToString());
        });
    }
}
