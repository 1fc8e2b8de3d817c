using GraphQL.Types;
using ProductionReform.Domain;
using static ProductionReform.Api.Features.Linkages.LinkFieldTypes;

namespace ProductionReform.Api.Features.Linkages;

public sealed record LinkGraph(IReadOnlyList<object> Nodes, IReadOnlyList<LinkEdge> Edges, bool Truncated);
