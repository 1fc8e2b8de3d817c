using ProductionReform.Api.Live;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// When an aggregate of <paramref name="list"/> is to be evaluated again: once at once (the subscriber's first value),
/// then after each burst of changes to the list — the first change opens a window of <paramref name="coalesce"/>, and
/// every change in it is answered by the same one evaluation. Each tick is the latest change seen.
/// </summary>
public sealed class AggregateTicks(RegistryChangeHub hub, string list, TimeSpan coalesce) : IObservable<long>
{
    public IDisposable Subscribe(IObserver<long> observer)
    {
        var window = new Window(observer, coalesce);
        observer.OnNext(hub.Version);
        return new Subscription(hub.Subscribe(new ListObserver(list, window)), window);
    }

    private sealed class Window(IObserver<long> observer, TimeSpan coalesce)
    {
        private readonly Lock _gate = new();
        private Timer? _timer;
        private long _latest;
        private bool _closed;

        public void Changed(long version)
        {
            lock (_gate)
            {
                _latest = Math.Max(_latest, version);
                if (_closed || _timer is not null) return;
                _timer = new Timer(_ => Tick(), null, coalesce, Timeout.InfiniteTimeSpan);
            }
        }

        private void Tick()
        {
            long version;
            lock (_gate)
            {
                _timer?.Dispose();
                _timer = null;
                if (_closed) return;
                version = _latest;
            }
            observer.OnNext(version);
        }

        public void Close()
        {
            lock (_gate)
            {
                _closed = true;
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private sealed class ListObserver(string list, Window window) : IObserver<RegistryChange>
    {
        public void OnNext(RegistryChange value)
        {
            if (value.List == list) window.Changed(value.Version);
        }

        public void OnError(Exception error) { }

        public void OnCompleted() { }
    }

    private sealed class Subscription(IDisposable listening, Window window) : IDisposable
    {
        public void Dispose()
        {
            listening.Dispose();
            window.Close();
        }
    }
}
