namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>A page of an offset collection segment.</summary>
public sealed record CollectionSegment(IReadOnlyList<object> Items, CollectionSegmentInfo PageInfo, int? TotalCount);
