using Microsoft.EntityFrameworkCore;
using ProductionReform.Api.Replication;
using ProductionReform.Data;
using ProductionReform.Data.Auditing;
using ProductionReform.GraphQL.Data.Diagnostics;

namespace ProductionReform.Api.Pooling;

/// <summary>
/// Each request leases its <see cref="RegistryDbContext"/> from a pool instead of building one: building it (its
/// options, its service provider lookup, its first use) took about a tenth of the API's CPU on a flat page. A pooled
/// context's interceptors are fixed when the pool is built, so those holding a request's state — the SQL statement
/// counter, the audit interceptor (who writes, inserts awaiting their keys) and the read route (primary or standby,
/// <see cref="ReadRoute"/>) — stay scoped and are reached through the context the request leased
/// (<see cref="LeasedInterceptors"/>).
/// </summary>
public static class PooledRegistryDbContext
{
    public static IServiceCollection AddPooledRegistryDbContext(this IServiceCollection services, string connectionString)
    {
        services.AddScoped<SqlStatementCounter>();
        services.AddScoped<AuditInterceptor>();
        services.AddPooledDbContextFactory<RegistryDbContext>(options =>
            RegistryDatabase.Configure((DbContextOptionsBuilder<RegistryDbContext>)options, connectionString)
                .AddInterceptors(LeasedInterceptors.Commands, LeasedInterceptors.Saves, LeasedInterceptors.Connections));
        // Disposed with the request's scope, which returns it to the pool (its state reset).
        services.AddScoped(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContext();
            LeasedInterceptors.Attach(db, provider.GetRequiredService<SqlStatementCounter>(),
                provider.GetRequiredService<AuditInterceptor>(), provider.GetRequiredService<ReadRoute>());
            return db;
        });
        return services;
    }
}
