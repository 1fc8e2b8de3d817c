namespace ProductionReform.GraphQL.Data.Model;

/// <summary>
/// How much a hit in a searched column counts: names and titles weigh more than longer texts (descriptions,
/// summaries, quotes), so that within one kind of match a hit in a name ranks above a hit in a description.
/// </summary>
public static class SearchWeight
{
    public const double Label = 1.0;
    public const double Text = 0.6;
}
