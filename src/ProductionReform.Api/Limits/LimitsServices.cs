using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReform.Api.Hosting;
using ProductionReform.Api.Http;

namespace ProductionReform.Api.Limits;

/// <summary>Registration of the request limits and persisted queries.</summary>
public static class LimitsServices
{
    /// <summary>
    /// Binds <c>Limits</c> and <c>PersistedQueries</c>; registers the persisted-query store, whose automatic queries are kept
    /// in Redis when one is configured (<see cref="SharedRedis"/>), else in this process.
    /// </summary>
    public static IServiceCollection AddRegistryLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LimitsOptions>(configuration.GetSection(LimitsOptions.Section));
        services.Configure<PersistedQueriesOptions>(configuration.GetSection(PersistedQueriesOptions.Section));
        services.TryAddSingleton<SharedRedis>();
        services.AddSingleton<IAutomaticQueryStore>(provider => provider.GetRequiredService<SharedRedis>().IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisAutomaticQueryStore>(provider)
            : ActivatorUtilities.CreateInstance<MemoryAutomaticQueryStore>(provider));
        services.AddSingleton<PersistedQueryStore>();
        return services;
    }

    /// <summary>
    /// Gives the connection string a <c>Command Timeout</c> just past the execution timeout (rounded up to
    /// seconds), unless it sets one: PostgreSQL stops a statement that outlives its request even if the
    /// cancellation did not reach it; and, unless it sets any timeout, a connection <c>Timeout</c> of half the execution timeout.
    /// </summary>
    public static string WithCommandTimeout(string connectionString, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        if (!limits.Enabled || limits.ExecutionTimeout <= TimeSpan.Zero
            || connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        // A second later than the execution timeout, whose cancellation should come first. A connection (from the pool or
        // new) not had within half of it is an unavailable database (503), not a request over its time.
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
        { CommandTimeout = (int)Math.Ceiling(limits.ExecutionTimeout.TotalSeconds) + 1 };
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            builder.Timeout = Math.Max(1, (int)Math.Ceiling(limits.ExecutionTimeout.TotalSeconds / 2));
        return builder.ConnectionString;
    }

    /// <summary>
    /// On the GraphQL builder: the limits rule, the introspection switch, the execution wrapper (timeout,
    /// <c>extensions.cost</c>, telemetry), and on the transport the body size and persisted-query resolution.
    /// </summary>
    public static IGraphQLBuilder AddRegistryLimits(this IGraphQLBuilder graphQL, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        if (limits.Enabled)
            graphQL.AddValidationRule<RequestLimitsRule>(useForCachedDocuments: true); // the cost depends on the variables
        if (!limits.Introspection)
            graphQL.AddValidationRule(NoIntrospectionValidationRule.Instance);
        graphQL.ConfigureExecution<LimitsExecution>();
        graphQL.Services.Register<IDocumentBuilder, LimitedDocumentBuilder>(global::GraphQL.DI.ServiceLifetime.Singleton, replace: true);
        graphQL.Services.Configure<GraphQLHttpOptions>((http, provider) =>
        {
            http.MaxRequestBodySize = limits.MaxRequestBodySize > 0 ? limits.MaxRequestBodySize : null;
            http.ServeSchema = limits.Introspection;
            var store = provider.GetRequiredService<PersistedQueryStore>();
            http.ResolveRequest = (request, context) => store.ResolveAsync(request, context.RequestAborted);
        });
        return graphQL;
    }
}
