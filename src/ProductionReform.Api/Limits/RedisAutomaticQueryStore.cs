using ProductionReform.Api.Hosting;
using StackExchange.Redis;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Automatic persisted queries in the shared Redis, so that a hash registered through one API instance runs through every
/// other. Each is kept for <see cref="TimeToLive"/> after its last registration or use; Redis's own memory policy
/// (<c>maxmemory-policy</c>) bounds the total.
/// </summary>
public sealed class RedisAutomaticQueryStore(SharedRedis redis) : IAutomaticQueryStore
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    public async ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken)
    {
        var query = await redis.Connection.GetDatabase().StringGetSetExpiryAsync(Key(hash), TimeToLive);
        return query.IsNull ? null : query.ToString();
    }

    public async ValueTask StoreAsync(string hash, string query, CancellationToken cancellationToken) =>
        await redis.Connection.GetDatabase().StringSetAsync(Key(hash), query, TimeToLive);

    private static RedisKey Key(string hash) => SharedRedis.KeyPrefix + "apq:" + hash;
}
