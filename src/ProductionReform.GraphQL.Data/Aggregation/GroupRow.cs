namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>A group as GROUP BY reads it: its typed key (to join related objects by) and its statistics.</summary>
internal sealed class GroupRow<TKey>
{
    public TKey Key { get; set; } = default!;
    public AggregateRow Row { get; set; } = null!;
}
