using Npgsql;

namespace ProductionReform.Api.Replication;

/// <summary>
/// The standby and what is known of it: whether reads may go there (a circuit, opened by a failed connection or probe and
/// closed by the next good probe of <see cref="StandbyMonitor"/>), its replay lag and the data version it has replayed,
/// both as last measured — never queried per request.
/// </summary>
public sealed class ReadReplica(string primaryConnectionString, string standbyConnectionString)
{
    private readonly Lock gate = new();
    private bool _answering;
    private long _replayedVersion;
    private double _lagSeconds;

    public string PrimaryConnectionString { get; } = primaryConnectionString;

    public string StandbyConnectionString { get; } = standbyConnectionString;

    /// <summary>The replay lag of the last good probe, in seconds; null while the standby does not answer.</summary>
    public double? LagSeconds
    {
        get { lock (gate) return _answering ? _lagSeconds : null; }
    }

    /// <summary>
    /// Whether reads may go to the standby: it answered the last probe, and it had then replayed at least
    /// <paramref name="version"/> (the data version an answer will be labelled with; versions only grow).
    /// </summary>
    public bool Serves(long version)
    {
        lock (gate) return _answering && _replayedVersion >= version;
    }

    public void Probed(double lagSeconds, long replayedVersion)
    {
        lock (gate)
        {
            _answering = true;
            _lagSeconds = lagSeconds;
            _replayedVersion = replayedVersion;
        }
    }

    /// <summary>
    /// The standby did not answer: reads go to the primary until a probe finds it back, and its pooled connections, which a
    /// stopped server no longer knows, are dropped.
    /// </summary>
    public void Failed()
    {
        lock (gate) _answering = false;
        using var pooled = new NpgsqlConnection(StandbyConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }
}
