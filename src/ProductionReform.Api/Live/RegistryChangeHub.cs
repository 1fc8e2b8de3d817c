namespace ProductionReform.Api.Live;

/// <summary>
/// Fans the database's change notifications out to this process: subscriptions, the response cache and ETags
/// read from here, so every instance on one database sees the same versions and events.
/// </summary>
public sealed class RegistryChangeHub : IObservable<RegistryChange>
{
    private readonly Lock gate = new();
    // Copied on write, so publishing never takes the lock.
    private IObserver<RegistryChange>[] observers = [];
    private long version;
    private volatile bool listening;

    /// <summary>The latest data version this process has heard of; it only grows.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// Whether the LISTEN connection is up, so that <see cref="Version"/> is current: before it is (at start) and after it
    /// was lost, a change may go unheard, and whatever keys on the version (ETags, the response cache) must stand aside.
    /// </summary>
    public bool IsListening => listening;

    /// <summary>The listener is up and has read <paramref name="versionRead"/> after its LISTEN took effect.</summary>
    public void ListenerConnected(long versionRead)
    {
        AdvanceTo(versionRead);
        listening = true;
    }

    /// <summary>The listener lost its connection: changes may be missed until it reconnects.</summary>
    public void ListenerLost() => listening = false;

    public void Publish(RegistryChange change)
    {
        AdvanceTo(change.Version);
        foreach (var observer in Volatile.Read(ref observers))
            observer.OnNext(change);
    }

    /// <summary>Records a version read from the database (at start, after a reconnect) without an event.</summary>
    public void AdvanceTo(long seen)
    {
        var current = Interlocked.Read(ref version);
        while (seen > current)
        {
            var previous = Interlocked.CompareExchange(ref version, seen, current);
            if (previous == current) return;
            current = previous;
        }
    }

    public IDisposable Subscribe(IObserver<RegistryChange> observer)
    {
        lock (gate) observers = [.. observers, observer];
        return new Unsubscriber(this, observer);
    }

    private void Unsubscribe(IObserver<RegistryChange> observer)
    {
        lock (gate) observers = observers.Where(o => o != observer).ToArray();
    }

    private sealed class Unsubscriber(RegistryChangeHub hub, IObserver<RegistryChange> observer) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(observer);
    }
}
