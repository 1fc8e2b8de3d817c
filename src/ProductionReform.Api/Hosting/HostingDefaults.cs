using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using ProductionReform.Api.Http;
using ProductionReform.Api.Limits;
using ProductionReform.Api.Observability;

namespace ProductionReform.Api.Hosting;

/// <summary>
/// What every deployment of the API gets around its endpoints, in one place: telemetry, the rate limit, forwarded
/// headers, graceful shutdown; then, in the pipeline, the correlation id, the answers to faults, authentication and the
/// health endpoints. (The health checks themselves are registered with the database, whose connection they test.)
/// </summary>
public static class HostingDefaults
{
    public const string ForwardedHeadersSection = "Hosting:ForwardedHeaders";

    /// <summary>The response header that names the instance (<c>Instance:Name</c>) behind a load balancer.</summary>
    public const string InstanceHeader = "X-Instance";

    public static WebApplicationBuilder AddHostingDefaults(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddRegistryTelemetry(configuration);
        builder.Services.AddRegistryRateLimiting(configuration);
        builder.Services.AddForwardedHeaders(configuration);
        builder.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = configuration.GetValue("Hosting:ShutdownTimeout", TimeSpan.FromSeconds(30)));
        return builder;
    }

    /// <summary>
    /// The middleware in its order: forwarded headers first (every later step sees the client's address), the
    /// correlation id around everything that logs, faults answered, static files, authentication, authorization, and the
    /// rate limit after authentication (so that /graphql, /export, /import are limited per key or user, else per IP).
    /// </summary>
    public static WebApplication UseHostingDefaults(this WebApplication app)
    {
        // SIGTERM stops taking requests and lets those in flight finish; then the pooled connections are closed, not dropped.
        app.Lifetime.ApplicationStopped.Register(Npgsql.NpgsqlConnection.ClearAllPools);
        app.UseForwardedHeaders();
        app.UseInstanceName();
        app.UseCorrelationId();
        app.UseFaultAnswers();
        app.UseStaticFiles();
        app.UseWebSockets(); // subscriptions over graphql-transport-ws at /graphql
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// With <c>Instance:Name</c> set, every answer says which instance gave it (<see cref="InstanceHeader"/>), so that an
    /// answer through a load balancer can be traced to its instance and its log.
    /// </summary>
    private static void UseInstanceName(this WebApplication app)
    {
        if (app.Configuration["Instance:Name"] is not { Length: > 0 } name)
            return;
        app.Use((context, next) =>
        {
            context.Response.Headers[InstanceHeader] = name;
            return next(context);
        });
    }

    /// <summary><c>/healthz</c>: the process answers; <c>/readyz</c>: the checks tagged <c>ready</c> (database, migrations) pass.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>
    /// Behind a reverse proxy (<c>Hosting:ForwardedHeaders:Enabled</c>, off by default): the client's address and scheme
    /// from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed only from <c>KnownProxies</c> (addresses) and
    /// <c>KnownNetworks</c> (CIDR), or from loopback when neither is given. The rate limit then counts the client, not the proxy.
    /// </summary>
    private static IServiceCollection AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ForwardedHeadersSection);
        if (!section.GetValue<bool>("Enabled"))
            return services;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }
}
