namespace ProductionReform.Api.Features.Linkages;

public sealed record LinkGraph(IReadOnlyList<object> Nodes, IReadOnlyList<LinkEdge> Edges, bool Truncated);
