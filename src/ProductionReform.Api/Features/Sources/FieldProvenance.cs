namespace ProductionReform.Api.Features.Sources;

/// <summary>One field of a record and a citation whose quote states its value (null until the citation is asked for).</summary>
public sealed record FieldProvenance(string Field, object? Citation);
