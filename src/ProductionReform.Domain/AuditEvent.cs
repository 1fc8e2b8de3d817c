namespace ProductionReform.Domain;

/// <summary>One recorded write: who changed which record, when, and each changed field before and after.</summary>
public class AuditEvent
{
    public int Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The key name or token subject of the writer.</summary>
    public required string Actor { get; set; }
    public AuditOperation Operation { get; set; }

    /// <summary>The entity type name, as the schema names it (Enterprise, PilotEnrollment…).</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }

    /// <summary>JSON: <c>{"field": {"before": …, "after": …}}</c> for every changed field.</summary>
    public required string Changes { get; set; }
    public string? CorrelationId { get; set; }
}
