using ProductionReform.Domain;

namespace ProductionReform.Data.Linkages;

/// <summary>An edge between two records, with the citations that state both of its ends.</summary>
public sealed record LinkEdgeRow(LinkKind Kind, NodeRef From, NodeRef To, int[] CitationIds);
