using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductionReform.Api.Live;

namespace ProductionReform.Api.Tests.Live;

/// <summary>Records what an API instance's change hub publishes, and waits for a change a test expects.</summary>
public sealed class ChangeRecorder : IObserver<RegistryChange>, IDisposable
{
    // Generous: the wait is a bound for a busy machine, not a measure of speed.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly List<RegistryChange> _changes = [];
    private readonly IDisposable _subscription;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChangeRecorder(IServiceProvider services)
    {
        Hub = services.GetRequiredService<RegistryChangeHub>();
        _subscription = Hub.Subscribe(this);
    }

    /// <summary>Records the hub of an API instance once its listener is connected (so no later commit can be missed).</summary>
    public static async Task<ChangeRecorder> StartAsync(IServiceProvider services)
    {
        var listener = services.GetServices<IHostedService>().OfType<RegistryChangeListener>().Single();
        await listener.Listening.WaitAsync(Patience);
        return new ChangeRecorder(services);
    }

    public RegistryChangeHub Hub { get; }

    public IReadOnlyList<RegistryChange> Changes
    {
        get
        {
            lock (_gate) return [.. _changes];
        }
    }

    /// <summary>The first change recorded that matches, waiting for it if it has not come yet.</summary>
    public async Task<RegistryChange> WaitForAsync(Func<RegistryChange, bool> expected, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                if (_changes.FirstOrDefault(expected) is { } change) return change;
                arrival = _arrived.Task;
            }
            try
            {
                await arrival.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new AssertionException(
                    $"No change announced {what} within {Patience}; heard: {string.Join("; ", Changes)}");
            }
        }
    }

    public void OnNext(RegistryChange value)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _changes.Add(value);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.SetResult();
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}
