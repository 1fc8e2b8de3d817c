namespace ProductionReform.GraphQL.Data.Paging;

public sealed record Edge(string Cursor, object Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a cursor connection; <see cref="TotalCount"/> is null unless it was selected.</summary>
public sealed record Connection(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public static readonly Connection Empty = new([], new PageInfo(false, false, null, null), 0);
}

public sealed record CollectionSegmentInfo(bool HasNextPage, bool HasPreviousPage);

/// <summary>A page of an offset collection segment.</summary>
public sealed record CollectionSegment(IReadOnlyList<object> Items, CollectionSegmentInfo PageInfo, int? TotalCount);
