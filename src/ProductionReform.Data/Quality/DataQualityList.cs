namespace ProductionReform.Data.Quality;

/// <summary>The rows of one entity list: in all, synthetic samples, real, and real rows without a citation.</summary>
public sealed record DataQualityList(string EntityType, int Total, int Samples, int Real, int Uncited);
