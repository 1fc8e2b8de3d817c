namespace ProductionReform.Api.Features.Search;

/// <summary>One searched text column: the property (its GraphQL field name is reported as <c>matchedField</c>) and its weight.</summary>
public sealed record SearchColumn(string Property, string Field, double Weight);
