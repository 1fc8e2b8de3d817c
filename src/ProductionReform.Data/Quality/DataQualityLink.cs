using ProductionReform.Domain;

namespace ProductionReform.Data.Quality;

/// <summary>The relation of an uncited link and the record it points to.</summary>
public sealed record DataQualityLink(LinkKind Kind, string ToEntityType, int ToEntityId, string ToLabel);
