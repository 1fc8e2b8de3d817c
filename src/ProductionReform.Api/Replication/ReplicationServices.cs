using GraphQL;
using GraphQL.DI;
using Npgsql;
using ProductionReform.Api.Limits;
using ProductionReform.Data;

namespace ProductionReform.Api.Replication;

/// <summary>
/// The read/write split: with <c>ConnectionStrings:RegistryReplica</c> (a hot standby, or an Npgsql multi-host string with
/// <c>Target Session Attributes=prefer-standby</c>) reads go there (<see cref="ReadRoute"/>), watched by
/// <see cref="StandbyMonitor"/>; without it every connection goes to the primary, as before.
/// </summary>
public static class ReplicationServices
{
    public const string ConnectionStringName = "RegistryReplica";

    public static IServiceCollection AddReadReplica(this IServiceCollection services, IConfiguration configuration,
        string primaryConnectionString)
    {
        var section = configuration.GetSection(ReplicationOptions.Section);
        services.Configure<ReplicationOptions>(section);
        services.AddSingleton<RecentWriters>();
        services.AddScoped<ReadRoute>();
        if (configuration.GetConnectionString(ConnectionStringName) is not { Length: > 0 } standby) return services;

        var options = section.Get<ReplicationOptions>() ?? new ReplicationOptions();
        // A short connect timeout bounds how long a read waits for a standby that is gone before it falls back.
        if (!standby.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            standby = new NpgsqlConnectionStringBuilder(standby) { Timeout = options.StandbyConnectTimeoutSeconds }.ConnectionString;
        standby = RegistryDatabase.Tuned(LimitsServices.WithCommandTimeout(standby, configuration));
        services.AddSingleton(new ReadReplica(primaryConnectionString, standby));
        services.AddHostedService<StandbyMonitor>();
        return services;
    }

    /// <summary>On the GraphQL builder: each operation chooses its server (<see cref="OperationRouting"/>).</summary>
    public static IGraphQLBuilder AddOperationRouting(this IGraphQLBuilder graphQL) =>
        graphQL.AddDocumentListener<OperationRouting>(global::GraphQL.DI.ServiceLifetime.Scoped);
}
