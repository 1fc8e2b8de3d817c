namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>A row of a root page read with the number of rows its filter keeps (a count subquery PostgreSQL runs once).</summary>
public sealed class CountedRow
{
    public ProjectedRow Row { get; set; } = null!;
    public int Total { get; set; }
}
