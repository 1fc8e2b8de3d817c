using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProductionReform.Data;
using ProductionReform.Data.Seed;

namespace ProductionReform.Benchmarks;

/// <summary>Row counts of the tables the synthetic data grows.</summary>
public sealed record DataSize(int Enterprises, int Studios, int IndicatorValues);

/// <summary>
/// The benchmark's own database, <c>reform_bench_&lt;scale&gt;</c>: dropped and created afresh, migrated, seeded
/// (<see cref="SeedLoader"/>), then grown by the scale's synthetic rows written by binary COPY in one transaction.
/// It touches no other database.
/// </summary>
public static class BenchDatabase
{
    private const int ValuesPerStep = 23;
    private static readonly string[] Regions = ["崇川区", "通州区", "海门区", "如东县", "启东市", "如皋市", "海安市"];
    private static readonly string[] Qualifications = ["SPECIAL_GRADE", "GRADE_1", "GRADE_2", "GRADE_3"];
    private static readonly string[] StudioKinds = ["MODEL_WORKER_STUDIO", "CRAFTSMAN_STUDIO", "WORKER_STUDIO"];
    private static readonly DateOnly FirstSyntheticDay = new(2000, 1, 1);

    public static string NameFor(BenchScale scale) => $"reform_bench_{scale.Label.Replace('/', 'x')}";

    /// <summary>
    /// Builds the database for <paramref name="scale"/> and returns its connection string and size; with
    /// <paramref name="reuse"/>, a database left by an earlier run with the same rows is kept as it is.
    /// </summary>
    public static async Task<(string ConnectionString, DataSize Size)> PrepareAsync(string serverConnectionString, BenchScale scale,
        bool reuse = false)
    {
        var name = NameFor(scale);
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString)
        {
            Database = "postgres", Pooling = false,
        }.ConnectionString;
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        if (reuse && await ExistingSizeAsync(maintenance, target, name) is { } existing && existing.Enterprises >= scale.Enterprises)
        {
            Console.WriteLine($"  reusing {name}");
            return (target, existing);
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(maintenance, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(maintenance, $"CREATE DATABASE \"{name}\"");

        var options = RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), target).Options;
        await using (var db = new RegistryDbContext(options))
        {
            await db.Database.MigrateAsync();
            await SeedLoader.SeedAsync(db);
        }

        if (scale.Enterprises > 0)
        {
            var watch = Stopwatch.StartNew();
            await InsertSyntheticAsync(target, scale);
            Console.WriteLine($"  synthetic rows for scale {scale.Label} written in {watch.Elapsed.TotalSeconds:F2} s");
        }

        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await new NpgsqlCommand("ANALYZE", connection).ExecuteNonQueryAsync();
        return (target, await SizeAsync(connection));
    }

    private static async Task<DataSize?> ExistingSizeAsync(string maintenance, string target, string name)
    {
        await using (var server = new NpgsqlConnection(maintenance))
        {
            await server.OpenAsync();
            var exists = await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", server).ExecuteScalarAsync();
            if (exists is null) return null;
        }
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        return await SizeAsync(connection);
    }

    private static async Task<DataSize> SizeAsync(NpgsqlConnection connection) => new(
        await CountAsync(connection, "enterprises"), await CountAsync(connection, "innovation_studios"),
        await CountAsync(connection, "indicator_values"));

    /// <summary>
    /// The scale's enterprises, studios hosted by them and 23 indicator values per 64 enterprises, all marked
    /// synthetic: enterprises are samples (示例企业-S000001, isSample), studios are named 示例创新工作室-… and
    /// described "synthetic benchmark row", indicator values are dated one day apart from 2000-01-01.
    /// </summary>
    private static async Task InsertSyntheticAsync(string connectionString, BenchScale scale)
    {
        var steps = scale.ValueSteps;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var regionIds = await IdsAsync(connection, "SELECT name, id FROM regions");
        var industryIds = await IdsAsync(connection, "SELECT code, id FROM industries");
        var indicatorIds = (await IdsAsync(connection, "SELECT code, id FROM indicators")).Values.Order().ToList();
        int textile = industryIds["TEXTILE"], construction = industryIds["CONSTRUCTION"];

        var enterpriseCount = scale.Enterprises;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY enterprises (name, name_en, industry_id, region_id, construction_qualification, employee_count, is_backbone, " +
            "is_sample, description) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= enterpriseCount; i++)
            {
                var isConstruction = i % 3 == 0;
                await copy.StartRowAsync();
                await copy.WriteAsync($"示例企业-S{i:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync($"Sample Firm S{i:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync(isConstruction ? construction : textile, NpgsqlDbType.Integer);
                await copy.WriteAsync(regionIds[Regions[i % Regions.Length]], NpgsqlDbType.Integer);
                if (isConstruction) await copy.WriteAsync(Qualifications[i / 3 % Qualifications.Length], NpgsqlDbType.Text);
                else await copy.WriteNullAsync();
                await copy.WriteAsync(50 + (int)((long)i * 7919 % 4950), NpgsqlDbType.Integer);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync("synthetic benchmark row", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }

        // Hosts: the synthetic enterprises in name order, studio k on enterprise (k × 13) mod n, so hosts spread.
        var hosts = new List<(int Id, int? IndustryId)>();
        await using (var reader = await new NpgsqlCommand(
            "SELECT id, industry_id FROM enterprises WHERE name LIKE '示例企业-S%' ORDER BY name",
            connection, transaction).ExecuteReaderAsync())
            while (await reader.ReadAsync()) hosts.Add((reader.GetInt32(0), reader.GetInt32(1)));

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY innovation_studios (name, name_en, kind, host_enterprise_id, industry_id, founded_on, description) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            for (var k = 1; k <= scale.Studios; k++)
            {
                var host = hosts[k * 13 % hosts.Count];
                await copy.StartRowAsync();
                await copy.WriteAsync($"示例创新工作室-S{k:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync($"Sample Studio S{k:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync(StudioKinds[k % StudioKinds.Length], NpgsqlDbType.Text);
                await copy.WriteAsync(host.Id, NpgsqlDbType.Integer);
                await copy.WriteAsync(host.IndustryId!.Value, NpgsqlDbType.Integer);
                await copy.WriteAsync(FirstSyntheticDay.AddDays(k % 3650), NpgsqlDbType.Date);
                await copy.WriteAsync("synthetic benchmark row", NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }

        // (indicator, region, asOf) is unique: each step dates every indicator's value one day later.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY indicator_values (indicator_id, value, as_of, region_id) FROM STDIN (FORMAT BINARY)"))
        {
            for (var step = 0; step < steps; step++)
                foreach (var indicatorId in indicatorIds.Take(ValuesPerStep))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(indicatorId, NpgsqlDbType.Integer);
                    await copy.WriteAsync((decimal)(100 + (step * 31 + indicatorId * 17) % 9000), NpgsqlDbType.Numeric);
                    await copy.WriteAsync(FirstSyntheticDay.AddDays(step), NpgsqlDbType.Date);
                    await copy.WriteAsync(regionIds["南通市"], NpgsqlDbType.Integer);
                }
            await copy.CompleteAsync();
        }

        await transaction.CommitAsync();
    }

    private static async Task<Dictionary<string, int>> IdsAsync(NpgsqlConnection connection, string sql)
    {
        var ids = new Dictionary<string, int>();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, string table) =>
        Convert.ToInt32(await new NpgsqlCommand($"SELECT count(*) FROM {table}", connection).ExecuteScalarAsync());

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
