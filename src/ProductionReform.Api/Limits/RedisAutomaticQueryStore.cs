using ProductionReform.Api.Hosting;
using StackExchange.Redis;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Automatic persisted queries in the shared Redis, so that a hash registered through one API instance runs through every
/// other. Each is kept for <see cref="TimeToLive"/> after its last registration or use; Redis's own memory policy
/// (<c>maxmemory-policy</c>) bounds the total. While Redis does not answer, a hash is not found and a query not kept: the
/// client sends the query again, as after any miss, and it runs.
/// </summary>
public sealed class RedisAutomaticQueryStore(SharedRedis redis, ILogger<RedisAutomaticQueryStore> logger) : IAutomaticQueryStore
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    public async ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var query = await redis.Connection.GetDatabase().StringGetSetExpiryAsync(Key(hash), TimeToLive);
            return query.IsNull ? null : query.ToString();
        }
        catch (Exception unreachable) when (unreachable is RedisException or RedisTimeoutException)
        {
            logger.LogWarning("Redis did not answer for persisted query {Hash}: {Reason}", hash, unreachable.Message);
            return null;
        }
    }

    public async ValueTask StoreAsync(string hash, string query, CancellationToken cancellationToken)
    {
        try
        {
            await redis.Connection.GetDatabase().StringSetAsync(Key(hash), query, TimeToLive);
        }
        catch (Exception unreachable) when (unreachable is RedisException or RedisTimeoutException)
        {
            logger.LogWarning("Redis did not keep persisted query {Hash}: {Reason}", hash, unreachable.Message);
        }
    }

    private static RedisKey Key(string hash) => SharedRedis.KeyPrefix + "apq:" + hash;
}
