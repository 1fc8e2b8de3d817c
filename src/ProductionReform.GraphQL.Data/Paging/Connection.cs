namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>One row of a connection. Its cursor is made when first read: most queries select none, and making one signs it.</summary>
public sealed class Edge(Func<string> cursor, object node)
{
    private string? _cursor;

    public Edge(string cursor, object node) : this(() => cursor, node)
    {
    }

    public string Cursor => _cursor ??= cursor();

    public object Node { get; } = node;
}

/// <summary>The page's bounds; their cursors are read from the first and last edges only when selected.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, Edge? StartEdge, Edge? EndEdge)
{
    public string? StartCursor => StartEdge?.Cursor;

    public string? EndCursor => EndEdge?.Cursor;
}

/// <summary>A page of a cursor connection; <see cref="TotalCount"/> is null unless it was selected.</summary>
public sealed record Connection(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public static readonly Connection Empty = new([], new PageInfo(false, false, null, null), 0);
}

public sealed record CollectionSegmentInfo(bool HasNextPage, bool HasPreviousPage);

/// <summary>A page of an offset collection segment.</summary>
public sealed record CollectionSegment(IReadOnlyList<object> Items, CollectionSegmentInfo PageInfo, int? TotalCount);
