namespace ProductionReform.Api.Live;

/// <summary>
/// The payload PostgreSQL sends on <c>registry_changes</c> after a commit: its data version, when it committed and
/// what it wrote by table, operation and ids — or, when that would not fit a notification, the version alone.
/// </summary>
public sealed record CommitNotification(long Version, DateTimeOffset CommittedAt, IReadOnlyList<CommittedTableChange>? Changes);
