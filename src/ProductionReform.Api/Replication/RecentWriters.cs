using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProductionReform.Api.Replication;

/// <summary>
/// The callers (API key name or token subject) who wrote within <see cref="ReplicationOptions.ReadYourWritesSeconds"/>, in
/// this process: their reads go to the primary, so that they see their own writes before the standby has replayed them.
/// </summary>
public sealed class RecentWriters(IOptions<ReplicationOptions> options)
{
    // Beyond this many callers the expired ones are swept out on the next write.
    private const int SweepAbove = 1024;

    private readonly long _windowMilliseconds = (long)(options.Value.ReadYourWritesSeconds * 1000);
    private readonly ConcurrentDictionary<string, long> _until = new();

    public void Wrote(string caller)
    {
        var now = Environment.TickCount64;
        _until[caller] = now + _windowMilliseconds;
        if (_until.Count <= SweepAbove) return;
        foreach (var (name, until) in _until)
        {
            if (until <= now) _until.TryRemove(new KeyValuePair<string, long>(name, until));
        }
    }

    public bool WroteRecently(string caller) => _until.TryGetValue(caller, out var until) && until > Environment.TickCount64;
}
