using Npgsql;
using ProductionReform.Api.Live;

namespace ProductionReform.Api.Tests.Live;

/// <summary>Writes to a test database as an operator would, with plain SQL outside the API.</summary>
public static class LiveDatabase
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SQL that ends the API's listening session (and waits until it is gone).</summary>
    public const string KillListener = $"""
        SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity
        WHERE application_name = '{RegistryChangeListener.ApplicationName}' AND datname = current_database()
        """;
}
