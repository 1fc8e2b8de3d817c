using ProductionReform.Domain;

namespace ProductionReform.Data.Quality;

/// <summary>The edges of one relation of the link catalog: in all, with a sample end, real, and real ones no citation supports.</summary>
public sealed record DataQualityLinkList(
    LinkKind Kind, string EntityType, string ToEntityType, int Total, int Samples, int Real, int Uncited);
