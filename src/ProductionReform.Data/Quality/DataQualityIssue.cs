namespace ProductionReform.Data.Quality;

/// <summary>What a data-quality finding is about.</summary>
public enum DataQualityIssueKind
{
    /// <summary>A record no citation states.</summary>
    Uncited,

    /// <summary>A fact the registry reads into a quote rather than one the quote states.</summary>
    Inference,

    /// <summary>A figure the source gives as nearly (近/约) or as a lower bound (多/以上).</summary>
    QualifiedValue,

    /// <summary>An indicator value with neither a period start nor an as-of date.</summary>
    ValueWithoutPeriod,

    /// <summary>Two records of one type whose names are alike (pg_trgm similarity above the threshold).</summary>
    LikelyDuplicate,
}

/// <summary>One finding: the record (entity type name and key), a label to show and what is the matter.</summary>
public sealed record DataQualityIssue(
    DataQualityIssueKind Kind, string EntityType, int EntityId, string Label, string Detail, bool IsSample);

/// <summary>The rows of one entity list: in all, synthetic samples, real, and real rows without a citation.</summary>
public sealed record DataQualityList(string EntityType, int Total, int Samples, int Real, int Uncited);

public sealed record DataQualityReport(IReadOnlyList<DataQualityList> Lists, IReadOnlyList<DataQualityIssue> Issues);
