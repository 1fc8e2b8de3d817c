using ProductionReform.Api.Features.Audit;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Changes;

/// <summary>
/// One record written by one commit, as the change log has it. <see cref="Changes"/> (the audit trail's before and
/// after) is read only for callers who may see the audit trail, and is null when the write was not audited.
/// </summary>
public sealed record ChangeEvent(
    ChangePosition At, DateTimeOffset OccurredAt, string List, string RecordId, AuditOperation Operation,
    IReadOnlyList<string> Fields, IReadOnlyList<AuditChange>? Changes);
