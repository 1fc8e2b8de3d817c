using ProductionReform.GraphQL.Data.Aggregation;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>A page of a cursor connection; <see cref="TotalCount"/> is null unless it was selected.</summary>
public sealed record Connection(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public static readonly Connection Empty = new([], new PageInfo(false, false, null, null), 0);

    /// <summary>The statistics of the connection's rows (all pages), when <c>aggregate</c> is selected.</summary>
    internal AggregateSource? Aggregate { get; init; }
}
