namespace ProductionReform.GraphQL.Data.Projection;

/// <summary>A parent of a batched nested list with the number of its rows that the list's filter keeps.</summary>
public sealed class CountedParent<TParent>
{
    public TParent Parent { get; set; } = default!;
    public int Total { get; set; }
}
