namespace ProductionReform.Api.Features.Changes;

/// <summary>
/// One event of the change log as the feed's statement returns it (columns snake_case, as the naming convention maps them).
/// </summary>
public sealed class ChangeRow
{
    public long Version { get; set; }
    public long Position { get; set; }
    public DateTimeOffset CommittedAt { get; set; }
    public string TableName { get; set; } = "";
    public int RecordId { get; set; }
    public string Operation { get; set; } = "";
    public string[] ChangedColumns { get; set; } = [];

    /// <summary>The JSON changes of the audit events of this record in this commit, oldest first; null when not read.</summary>
    public string[]? AuditChanges { get; set; }
}
