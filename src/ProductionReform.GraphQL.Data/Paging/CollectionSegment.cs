using ProductionReform.GraphQL.Data.Aggregation;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>A page of an offset collection segment.</summary>
public sealed record CollectionSegment(IReadOnlyList<object> Items, CollectionSegmentInfo PageInfo, int? TotalCount)
{
    /// <summary>The statistics of the segment's rows (all pages), when <c>aggregate</c> is selected.</summary>
    internal AggregateSource? Aggregate { get; init; }
}
