using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ProductionReform.Data.Tests;

/// <summary>
/// A fresh, uniquely named and migrated database on the PostgreSQL of <c>ConnectionStrings__Registry</c> (default: the
/// <c>scripts/db</c> cluster), dropped when disposed.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private const string DefaultConnection = "Host=127.0.0.1;Port=55432;Username=reform;Password=reform;Database=reform";

    private static readonly string ServerConnection =
        Environment.GetEnvironmentVariable("ConnectionStrings__Registry") is { Length: > 0 } configured ? configured : DefaultConnection;

    private readonly string _name;
    private readonly string _connection;

    private ScratchDatabase(string name)
    {
        _name = name;
        _connection = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name }.ConnectionString;
    }

    public static async Task<ScratchDatabase> CreateMigratedAsync(string purpose)
    {
        var database = new ScratchDatabase($"reform_{purpose}_{Guid.NewGuid():N}");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools(); // sessions opened from now on read the settings the migrations gave the database
        return database;
    }

    public RegistryDbContext NewContext() =>
        new(RegistryDatabase.Configure(new DbContextOptionsBuilder<RegistryDbContext>(), _connection).Options);

    /// <summary>Rows per table, join tables included.</summary>
    public async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var db = NewContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Distinct().ToList();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
#pragma warning disable EF1002 // table names come from the model
            counts[table] = await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
