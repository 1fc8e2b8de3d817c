using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Linkages;

/// <summary>An edge as the schema shows it: global ids of both ends and the citations stating it.</summary>
public sealed record LinkEdge(string From, string To, LinkKind Kind, IReadOnlyList<object> Sources);
