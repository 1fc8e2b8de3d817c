namespace ProductionReform.Data.Auditing;

/// <summary>Who is writing, for the audit trail; null when nobody is (start-up seeding).</summary>
public interface IAuditActor
{
    string? Name { get; }
    string? CorrelationId { get; }
}
