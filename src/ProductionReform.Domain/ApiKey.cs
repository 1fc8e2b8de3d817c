namespace ProductionReform.Domain;

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
