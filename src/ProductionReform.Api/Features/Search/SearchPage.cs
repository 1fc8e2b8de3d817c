using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Search;

/// <summary>A page of hits; <see cref="TotalCount"/> is null unless it was selected.</summary>
public sealed record SearchPage(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount);
