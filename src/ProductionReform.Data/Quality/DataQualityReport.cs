namespace ProductionReform.Data.Quality;

/// <summary>The data-quality report: per list and per relation the real, sample and uncited counts, and the findings.</summary>
public sealed record DataQualityReport(
    IReadOnlyList<DataQualityList> Lists, IReadOnlyList<DataQualityLinkList> Links, IReadOnlyList<DataQualityIssue> Issues);
