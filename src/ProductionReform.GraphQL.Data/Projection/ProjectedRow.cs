namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>A row read for a list: the projected entity and the values of its sort keys (for its cursor).</summary>
public sealed class ProjectedRow
{
    public object Node { get; set; } = null!;
    public object?[] Keys { get; set; } = [];
}
