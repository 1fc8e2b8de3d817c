namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>The rows of one parent in a batched nested list, with the parent's total when it was asked for.</summary>
public sealed class NestedRows
{
    public int ParentKey { get; set; }
    public List<NestedRow> Rows { get; set; } = [];
    public int Total { get; set; }
}
