namespace ProductionReform.Api.Features.Search;

/// <summary>
/// One ranked hit as the search statement returns it (columns snake_case, as the naming convention maps
/// them); <see cref="Total"/> is set when totalCount is asked.
/// </summary>
public sealed class SearchRow
{
    public string? TypeName { get; set; }
    public int? Id { get; set; }
    public string? Field { get; set; }
    public double? Score { get; set; }
    public long? Total { get; set; }
}
