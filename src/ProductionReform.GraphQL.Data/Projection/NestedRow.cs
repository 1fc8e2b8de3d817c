namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>One row of a batched nested list read by a lateral join, with its parent's key.</summary>
public sealed class NestedRow
{
    public int ParentKey { get; set; }
    public ProjectedRow Row { get; set; } = null!;
}
