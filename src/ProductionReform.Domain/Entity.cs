namespace ProductionReform.Domain;

/// <summary>Every registry record: a database key and the row version PostgreSQL keeps in <c>xmin</c>.</summary>
public abstract class Entity
{
    public int Id { get; set; }

    /// <summary>PostgreSQL's <c>xmin</c>; changes on every write, so it serves as the optimistic-concurrency token.</summary>
    public uint Version { get; set; }
}
