using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProductionReform.GraphQL.Data.Diagnostics;

namespace ProductionReform.GraphQL.Data.Tests.Fixture;

/// <summary>
/// The library model on a PostgreSQL database of its own (created on the server of <c>ConnectionStrings__Registry</c>,
/// dropped at the end), queried through GraphQL.NET's executer as a server would: one DI scope, one DbContext and one
/// SQL statement counter per request.
/// </summary>
public sealed class Library : IAsyncDisposable
{
    private const string LocalServer = "Host=127.0.0.1;Port=55432;Username=reform;Password=reform;Database=reform";

    private readonly ServiceProvider _services;
    private readonly string _server;
    private readonly string _database;

    private string DatabaseConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    private Library(ServiceProvider services, string server, string database) =>
        (_services, _server, _database) = (services, server, database);

    public static async Task<Library> StartAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Registry") ?? LocalServer;
        var database = $"gqldata_{name}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

        var services = new ServiceCollection();
        services.AddScoped<SqlStatementCounter>();
        services.AddScoped<CommandRecorder>();
        services.AddDbContext<LibraryDbContext>((provider, options) => options
            .UseNpgsql(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqlStatementCounter>(), provider.GetRequiredService<CommandRecorder>()));
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<LibrarySchema>()
            .AddGraphTypes(typeof(DataSchemaBuilder).Assembly)
            .AddSystemTextJson()
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query));
        var library = new Library(services.BuildServiceProvider(), server, database);

        await using var scope = library._services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LibraryDbContext>();
        await db.Database.EnsureCreatedAsync();
        await db.SeedAsync();
        return library;
    }

    /// <summary>The response as a client reads it, and the number of SQL statements the request ran.</summary>
    public async Task<(JsonObject Response, int Statements)> ExecuteAsync(string query)
    {
        var (response, statements, _) = await RecordAsync(query);
        return (response, statements);
    }

    /// <summary>The response, the number of SQL statements and a copy of each query command the request ran.</summary>
    public async Task<(JsonObject Response, int Statements, List<NpgsqlCommand> Commands)> RecordAsync(string query)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(options =>
        {
            options.Query = query;
            options.RequestServices = scope.ServiceProvider;
        });
        var json = scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return (JsonNode.Parse(json)!.AsObject(), scope.ServiceProvider.GetRequiredService<SqlStatementCounter>().Count,
            scope.ServiceProvider.GetRequiredService<CommandRecorder>().Commands);
    }

    /// <summary>The <c>data</c> of a query that must succeed.</summary>
    public async Task<JsonNode> DataAsync(string query)
    {
        var (response, _) = await ExecuteAsync(query);
        Assert.That(response["errors"], Is.Null, response.ToJsonString());
        return response["data"]!;
    }

    /// <summary>The titles of the books <paramref name="where"/> keeps (at most 50), in title order.</summary>
    public async Task<string[]> BookTitlesAsync(string where) =>
        [.. (await DataAsync($"{{ books(where: {where}, first: 50, order: [{{ title: ASC }}]) {{ nodes {{ title }} }} }}"))["books"]!
            ["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>())];

    /// <summary>The single error of a query that must be refused.</summary>
    public async Task<JsonNode> ErrorAsync(string query)
    {
        var (response, statements) = await ExecuteAsync(query);
        Assert.That(response["errors"]?.AsArray(), Has.Count.EqualTo(1), response.ToJsonString());
        Assert.That(statements, Is.Zero, "arguments are checked before any SQL runs");
        return response["errors"]![0]!;
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, read from the library's database without the layer.</summary>
    public async Task<List<string>> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>
    /// Prepares <paramref name="command"/> on a connection of its own and runs it <paramref name="executions"/> times, as a
    /// busy server runs an auto-prepared statement: how many of the runs PostgreSQL planned afresh, and how many reused its
    /// generic plan (it tries five custom plans first, then keeps the generic one when that looks no costlier).
    /// </summary>
    public async Task<(long Custom, long Generic)> PlansAsync(NpgsqlCommand command, int executions)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        command.Connection = connection;
        await command.PrepareAsync();
        for (var i = 0; i < executions; i++)
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }
        await using var plans = new NpgsqlCommand("SELECT custom_plans, generic_plans FROM pg_prepared_statements", connection);
        await using var counts = await plans.ExecuteReaderAsync();
        Assert.That(await counts.ReadAsync(), "the statement is prepared");
        return (counts.GetInt64(0), counts.GetInt64(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
