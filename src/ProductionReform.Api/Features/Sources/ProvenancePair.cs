namespace ProductionReform.Api.Features.Sources;

/// <summary>A row of the provenance statement: a record, one field a citation of it supports, and that citation.</summary>
public sealed record ProvenancePair(int RecordId, string Field, int CitationId);
