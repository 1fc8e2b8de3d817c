namespace ProductionReform.Domain;

/// <summary>What a writer may do: editors change records, admins also import and manage keys.</summary>
public enum RegistryRole { Editor, Admin }

/// <summary>An API key for a writer. Only a hash of the key is kept; the key itself is shown once.</summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public RegistryRole Role { get; set; }

    /// <summary>The start of the key, stored plainly so a presented key finds its row.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

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

public enum AuditOperation { Create, Update, Delete }
