using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ProductionReform.Api.Limits;

/// <summary>
/// A caller's window counted in Redis for every instance, and in this process while Redis does not answer: the caller is
/// then limited per instance, as without Redis, instead of every request failing.
/// </summary>
public sealed class SharedWindowRateLimiter(RateLimiter shared, RateLimiter local, ILogger logger) : RateLimiter
{
    public override TimeSpan? IdleDuration => local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // Redis is only asked asynchronously (its limiter refuses every synchronous attempt), so the middleware goes on to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await shared.AcquireAsync(permitCount, cancellationToken);
        }
        catch (Exception unreachable) when (unreachable is RedisException or RedisTimeoutException)
        {
            logger.LogWarning("Redis did not count the rate limit; counting in this instance: {Reason}", unreachable.Message);
            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        shared.Dispose();
        local.Dispose();
    }
}
