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
