namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>The page's bounds; their cursors are read from the first and last edges only when selected.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, Edge? StartEdge, Edge? EndEdge)
{
    public string? StartCursor => StartEdge?.Cursor;

    public string? EndCursor => EndEdge?.Cursor;
}
