using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Data.Seed;

namespace ProductionReform.Api.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL databases for tests: one migrated and seeded template per run, and a fresh copy of it
/// (CREATE DATABASE … TEMPLATE, a file copy, fast) for each test class.
/// </summary>
public static class TestDatabase
{
    // One template per test run, so that runs side by side never drop each other's template.
    private static readonly string TemplateName = $"reform_test_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;

    /// <summary>The server the scripts start (scripts/db), unless ConnectionStrings__Registry names another.</summary>
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__Registry")
        ?? "Host=127.0.0.1;Port=55432;Username=reform;Password=reform;Database=reform";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates a seeded database of its own for a test class and returns its connection string.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        await EnsureTemplateAsync();
        var name = $"reform_test_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 60)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Drops this run's template; <see cref="TestRun"/> calls it when the run ends.</summary>
    public static async Task DropTemplateAsync()
    {
        if (!_templateReady) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
    }

    private static async Task EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady) return;
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            var options = RegistryDatabase
                .Configure(new DbContextOptionsBuilder<RegistryDbContext>(), ConnectionStringFor(TemplateName)).Options;
            await using (var db = new RegistryDbContext(options))
            {
                await db.Database.MigrateAsync();
                await SeedLoader.SeedAsync(db);
            }
            // A template must have no open connections while it is copied.
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
