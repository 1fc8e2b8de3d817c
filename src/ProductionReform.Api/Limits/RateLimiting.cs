using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReform.Api.Hosting;
using ProductionReform.Api.Http;
using RedisRateLimiting;

namespace ProductionReform.Api.Limits;

/// <summary>
/// ASP.NET Core's rate limiter on the API paths (<see cref="RateLimitOptions.Paths"/>: /graphql, /export,
/// /import; not the health checks or static files): a fixed window per authenticated caller
/// (<c>User.Identity.Name</c>: the API key's name or the token's subject), else per client IP. A refused
/// request answers 429 with <c>Retry-After</c> and a GraphQL-shaped error (<c>RATE_LIMITED</c>). The windows are
/// counted in this process, or in the <see cref="SharedRedis"/> when one is configured, so that several instances
/// share them: the same partitions and limits, only the store differs.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddRegistryRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>()?.RateLimit ?? new RateLimitOptions();
        var paths = (options.Paths is { Length: > 0 } configured ? configured : RateLimitOptions.DefaultPaths)
            .Select(p => new PathString(p)).ToArray();
        services.TryAddSingleton<SharedRedis>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, cancellationToken) => WriteRejectionAsync(rejected, options, cancellationToken);
        });
        services.AddOptions<RateLimiterOptions>().Configure<SharedRedis, ILoggerFactory>((limiter, redis, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(RateLimiting).FullName!);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!options.Enabled || !paths.Any(path => context.Request.Path.StartsWithSegments(path)))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var (key, permits) = Partition(context, options);
                return FixedWindow(key, Math.Max(permits, 1), options.Window, redis, logger);
            });
        });
        return services;
    }

    /// <summary>The caller's fixed window: in this process, or in Redis (with this process's window while Redis does not answer).</summary>
    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window, SharedRedis redis, ILogger logger) =>
        redis.IsConfigured
            ? RateLimitPartition.Get(key, partition => new SharedWindowRateLimiter(
                new RedisFixedWindowRateLimiter<string>(SharedRedis.KeyPrefix + partition, new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis.Connection,
                    PermitLimit = permits,
                    Window = window,
                }),
                new FixedWindowRateLimiter(Local(permits, window)), logger))
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => Local(permits, window));

    private static FixedWindowRateLimiterOptions Local(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static (string Key, int Permits) Partition(HttpContext context, RateLimitOptions options) =>
        (CallerOf(context), IsAuthenticated(context) ? options.AuthenticatedPermitLimit : options.PermitLimit);

    /// <summary>Whom a limit counts for: the API key's name or the token's subject, else the client's IP address.</summary>
    public static string CallerOf(HttpContext context) =>
        IsAuthenticated(context)
            ? "user:" + context.User.Identity!.Name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static bool IsAuthenticated(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name.Length: > 0 };

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, RateLimitOptions options,
        CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // ASP.NET Core's limiters give a TimeSpan; RedisRateLimiting gives whole seconds.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var wait) switch
        {
            true when wait is TimeSpan time => time,
            true when wait is int whole => TimeSpan.FromSeconds(whole),
            _ => options.Window,
        };
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var (_, permits) = Partition(context, options);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            errors = new[]
            {
                new
                {
                    message = $"Too many requests: at most {permits} per {options.Window.TotalSeconds:0.###} s from this client. "
                        + $"Retry after {seconds} s.",
                    extensions = new Dictionary<string, object>
                    {
                        ["code"] = ErrorCodes.RateLimited,
                        ["limit"] = permits,
                        ["windowSeconds"] = options.Window.TotalSeconds,
                        ["retryAfterSeconds"] = seconds,
                        ["correlationId"] = context.TraceIdentifier,
                    },
                },
            },
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: cancellationToken);
        Observability.RegistryTelemetry.LimitRefusals.Add(1, new KeyValuePair<string, object?>("limit", "rateLimit"));
    }
}
