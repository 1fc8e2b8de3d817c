using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Api.Http;
using ProductionReform.Api.Limits;
using ProductionReform.Api.Live;
using ProductionReform.Api.Schema;
using ProductionReform.Api.Subscriptions;
using ProductionReform.Api.Access;
using ProductionReform.Api.Caching;
using ProductionReform.Api.Counting;
using ProductionReform.Api.Pooling;
using ProductionReform.Api.Replication;
using ProductionReform.Api.Validation;
using ProductionReform.Data;
using ProductionReform.Data.Linkages;
using ProductionReform.Data.Quality;
using ProductionReform.Data.Seed;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Diagnostics;

namespace ProductionReform.Api;

/// <summary>The registrations <c>Program.cs</c> reads as a table of contents.</summary>
public static class RegistryServices
{
    public static IServiceCollection AddRegistryDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = RegistryDatabase.ConnectionStringFrom(
                configuration.GetConnectionString("Registry"), configuration["DATABASE_URL"])
            ?? throw new InvalidOperationException(
                "No database configured: set ConnectionStrings__Registry (an Npgsql connection string) or " +
                "DATABASE_URL (postgres://…), or start with scripts/run.");
        connectionString = RegistryDatabase.Tuned(LimitsServices.WithCommandTimeout(connectionString, configuration));

        services.AddPooledRegistryDbContext(connectionString);
        services.AddReadReplica(configuration, connectionString);
        // The edge SQL is derived from the EF model once; walks run per request on its DbContext.
        services.AddSingleton(provider =>
        {
            using var scope = provider.CreateScope();
            return new LinkCatalog(scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Model);
        });
        services.AddSingleton<RegistryChangeHub>();
        services.AddSingleton(provider =>
        {
            using var scope = provider.CreateScope();
            var schema = (RegistrySchema)provider.GetRequiredService<ISchema>();
            return new RegistryChangeCatalog(schema.Models, scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Model);
        });
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<RegistryChangeListener>(provider, connectionString));
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<KeptCountCompaction>(provider, connectionString,
            configuration.GetValue("KeptCounts:CompactionInterval", TimeSpan.FromMinutes(10))));
        services.AddScoped<LinkGraphQuery>();
        services.AddScoped<DataQualityQuery>();
        services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "database", tags: ["ready"])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: ["ready"]);
        return services;
    }

    public static IServiceCollection AddRegistryGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataOptions>(configuration.GetSection("Data"));
        services.AddRegistryLimits(configuration);
        services.AddHttpCaching(configuration);
        services.AddSingleton<SubscriptionSlots>();
        var countSql = configuration.GetValue<bool>("Diagnostics:SqlCount");
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<RegistrySchema>()
            .AddGraphTypes(typeof(DataSchemaBuilder).Assembly)
            .AddGraphTypes(typeof(RegistrySchema).Assembly)
            .AddGraphQLHttp()
            .AddRegistryLimits(configuration)
            // The caller and the variables change per request, so these two also run on a cached document.
            .AddValidationRule<RoleValidationRule>(useForCachedDocuments: true)
            .AddValidationRule<StorableVariablesRule>(useForCachedDocuments: true)
            .AddValidationRule<StorableTextRule>()
            .AddDocumentCache(configuration)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false)
            .AddOperationRouting()
            // Resolvers share the request's DbContext, which runs one command at a time.
            .AddExecutionStrategy<SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            // Each event of a subscription runs on a service scope (a DbContext) of its own, its resolvers one at a time.
            .AddScopedSubscriptionExecutionStrategy()
            .ConfigureExecution(async (options, next) =>
            {
                if (!countSql) return await next(options);
                var counter = options.RequestServices!.GetRequiredService<SqlStatementCounter>();
                var before = counter.Count;
                var result = await next(options);
                (result.Extensions ??= [])["sqlStatements"] = counter.Count - before;
                if (options.RequestServices!.GetRequiredService<ReadRoute>().Report() is { } replica)
                    result.Extensions["replica"] = replica;
                return result;
            }));
        return services;
    }

    /// <summary>
    /// What must be done before the server takes requests: the database (<see cref="PrepareDatabaseAsync"/>) and, at the
    /// same time on another core, the GraphQL schema, built and initialized once, which the change listener needs before
    /// the server starts and the first request would otherwise wait for.
    /// </summary>
    public static async Task PrepareAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var schema = Task.Run(() => services.GetRequiredService<ISchema>().Initialize(), cancellationToken);
        await services.PrepareDatabaseAsync(cancellationToken);
        await schema;
    }

    /// <summary>
    /// Applies pending migrations and the seed when it changed (<see cref="SeedLoader.SeedIfChangedAsync"/>); on a database
    /// that is up to date both are one query each. <c>MigrateAsync</c> runs only when a migration is pending, because it
    /// first compares the model with the migrations' snapshot, which cost about a second of CPU at every start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10)); // not the per-request limit
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            // A migration may change the database's settings, which only sessions opened after it read.
            NpgsqlConnection.ClearPool((NpgsqlConnection)db.Database.GetDbConnection());
        }
        var seed = await SeedLoader.SeedIfChangedAsync(db, cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegistryServices))
            .LogInformation("Database prepared in {Elapsed} ms: {Migrations} migration(s) applied; seed {Seed}",
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, pending.Count, seed);
    }
}
