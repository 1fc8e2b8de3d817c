namespace ProductionReform.Api.Features.Search;

/// <summary>One hit of <c>search</c>: the record, how well it matched and in which field.</summary>
public sealed record SearchHit(double Score, object Node, string? MatchedField);
