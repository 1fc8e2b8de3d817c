namespace ProductionReform.GraphQL.Data.Paging;

public sealed record CollectionSegmentInfo(bool HasNextPage, bool HasPreviousPage);
