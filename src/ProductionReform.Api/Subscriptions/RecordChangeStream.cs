using System.Threading.Channels;
using ProductionReform.Api.Live;
using ProductionReform.Data;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// The records a subscriber watches, as they change: each <see cref="RegistryChange"/> of a watched list is read in one
/// statement (the changed ids with the subscriber's <c>where</c>, projected to its selection) on a DbContext of its own,
/// and every record that matches becomes a <see cref="RecordChange"/>. A deleted record can no longer be checked against
/// <c>where</c>, so every subscriber of its list hears of it (with <c>record: null</c>). Changes are read one after another,
/// in the order the hub published them.
/// </summary>
public sealed class RecordChangeStream(
    RegistryChangeHub hub, IServiceScopeFactory scopes, IReadOnlyDictionary<string, (EntityModel Model, RecordWatch Watch)> watched)
    : IObservable<RecordChange>
{
    public IDisposable Subscribe(IObserver<RecordChange> observer)
    {
        var changes = Channel.CreateUnbounded<RegistryChange>(new UnboundedChannelOptions { SingleReader = true });
        var stop = new CancellationTokenSource();
        var listening = hub.Subscribe(new ChannelObserver(changes.Writer, watched));
        _ = Task.Run(() => DeliverAsync(changes.Reader, observer, stop.Token));
        return new Stop(() =>
        {
            listening.Dispose();
            changes.Writer.TryComplete();
            stop.Cancel();
        });
    }

    private async Task DeliverAsync(ChannelReader<RegistryChange> changes, IObserver<RecordChange> observer, CancellationToken stop)
    {
        try
        {
            await foreach (var change in changes.ReadAllAsync(stop))
            {
                foreach (var record in await ReadAsync(change, stop))
                    observer.OnNext(record);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The subscriber left.
        }
        catch (Exception fault)
        {
            observer.OnError(fault);
        }
    }

    private async Task<List<RecordChange>> ReadAsync(RegistryChange change, CancellationToken stop)
    {
        var (model, watch) = watched[change.List];
        var operation = Enum.Parse<ChangeOperation>(change.Operation, ignoreCase: true);
        Dictionary<int, object>? found = null;
        if (operation != ChangeOperation.Delete)
        {
            await using var scope = scopes.CreateAsyncScope();
            found = await watch.LoadAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), change.RecordIds, stop);
        }
        var records = new List<RecordChange>();
        foreach (var id in change.RecordIds.Distinct())
        {
            object? record = null;
            if (found is not null && !found.TryGetValue(id, out record))
                continue; // filtered out, or deleted again since
            var globalId = GlobalId.Encode(model.Name, id);
            records.Add(new RecordChange(change.List, operation, globalId, record, change.Version, change.CommittedAt));
        }
        return records;
    }

    private sealed class ChannelObserver(
        ChannelWriter<RegistryChange> writer, IReadOnlyDictionary<string, (EntityModel, RecordWatch)> watched) : IObserver<RegistryChange>
    {
        public void OnNext(RegistryChange value)
        {
            if (watched.ContainsKey(value.List))
                writer.TryWrite(value);
        }

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }

    private sealed class Stop(Action stop) : IDisposable
    {
        private int _stopped;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
                stop();
        }
    }
}
