namespace ProductionReform.Api.Features.Linkages;

public sealed record LinkPath(int Length, IReadOnlyList<object> Nodes, IReadOnlyList<LinkEdge> Edges);
