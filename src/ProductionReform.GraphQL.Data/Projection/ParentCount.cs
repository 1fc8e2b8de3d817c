namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>How many rows of a nested list one parent has, counted by a lateral aggregate per parent.</summary>
public sealed class ParentCount
{
    public int ParentKey { get; set; }
    /// <summary>Nullable, as a parent without rows has no count row to read (LEFT JOIN).</summary>
    public int? Count { get; set; }
}
