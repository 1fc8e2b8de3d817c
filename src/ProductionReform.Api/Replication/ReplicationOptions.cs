namespace ProductionReform.Api.Replication;

/// <summary>How reads use the standby of <c>ConnectionStrings:RegistryReplica</c> (section <c>Replication</c>).</summary>
public sealed class ReplicationOptions
{
    public const string Section = "Replication";

    /// <summary>After a caller's write, that caller's reads come from the primary for this long (read-your-writes).</summary>
    public double ReadYourWritesSeconds { get; set; } = 5;

    /// <summary>How often the standby's replay lag and replayed data version are measured.</summary>
    public double LagProbeSeconds { get; set; } = 1;

    /// <summary>After the standby failed to answer, reads stay on the primary this long before it is tried again.</summary>
    public double RetryStandbySeconds { get; set; } = 5;

    /// <summary>The connect timeout of the standby unless its connection string sets <c>Timeout</c>: the bound on a fallback.</summary>
    public int StandbyConnectTimeoutSeconds { get; set; } = 2;
}
