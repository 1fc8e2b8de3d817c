namespace ProductionReform.Data.Linkages;

/// <summary>A record in the link graph: its entity type name and key.</summary>
public sealed record NodeRef(string Type, int Id);
