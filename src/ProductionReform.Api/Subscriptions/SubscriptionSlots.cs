using GraphQL;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// Counts the subscriptions each caller holds over all its connections (WebSocket and event streams) in this process,
/// for <see cref="SubscriptionLimits.MaxPerCaller"/>.
/// </summary>
public sealed class SubscriptionSlots(IOptions<LimitsOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = [];
    private int _listening;

    /// <summary>Subscriptions of this process that listen to changes now (slots taken and subscribed).</summary>
    public int Listening => Volatile.Read(ref _listening);

    /// <summary>A slot for <paramref name="caller"/>, released by disposing it; or the refusal when the caller holds the maximum.</summary>
    public (IDisposable? Slot, ExecutionError? Refusal) Take(string caller)
    {
        var limits = options.Value;
        var maximum = limits.Enabled ? limits.Subscriptions.MaxPerCaller : 0;
        lock (_gate)
        {
            var held = _held.GetValueOrDefault(caller);
            if (maximum > 0 && held >= maximum)
            {
                return (null, LimitExceededError.Refusal("subscriptions.maxPerCaller", maximum, held + 1,
                    "The number of subscriptions of this caller (API key, token subject or address)"));
            }
            _held[caller] = held + 1;
        }
        return (new Slot(this, caller), null);
    }

    private void Release(string caller)
    {
        lock (_gate)
        {
            if (--_held[caller] == 0) _held.Remove(caller);
        }
    }

    /// <summary>Marks a slot's subscription as listening, until the slot is released.</summary>
    public static void Listen(IDisposable slot) => ((Slot)slot).Listen();

    private sealed class Slot(SubscriptionSlots slots, string caller) : IDisposable
    {
        private int _released;
        private int _listening;

        public void Listen()
        {
            if (Interlocked.Exchange(ref _listening, 1) == 0) Interlocked.Increment(ref slots._listening);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            if (Interlocked.Exchange(ref _listening, 0) == 1) Interlocked.Decrement(ref slots._listening);
            slots.Release(caller);
        }
    }
}
