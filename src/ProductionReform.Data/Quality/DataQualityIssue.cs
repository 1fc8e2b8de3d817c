namespace ProductionReform.Data.Quality;

/// <summary>
/// One finding: the record (entity type name and key), a label to show and what is the matter; for an uncited link the
/// record is where the relation starts and <paramref name="Link"/> names the relation and its other end.
/// </summary>
public sealed record DataQualityIssue(
    DataQualityIssueKind Kind, string EntityType, int EntityId, string Label, string Detail, bool IsSample, DataQualityLink? Link = null);
