namespace ProductionReform.Data.Quality;

/// <summary>What a data-quality finding is about.</summary>
public enum DataQualityIssueKind
{
    /// <summary>A record no citation states.</summary>
    Uncited,

    /// <summary>A link between two records that no citation of either end supports (names the relation's field).</summary>
    UncitedLink,

    /// <summary>A fact the registry reads into a quote rather than one the quote states.</summary>
    Inference,

    /// <summary>A figure the source gives as nearly (近/约) or as a lower bound (多/以上).</summary>
    QualifiedValue,

    /// <summary>An indicator value with neither a period start nor an as-of date.</summary>
    ValueWithoutPeriod,

    /// <summary>Two records of one type whose names are alike (pg_trgm similarity above the threshold).</summary>
    LikelyDuplicate,
}
