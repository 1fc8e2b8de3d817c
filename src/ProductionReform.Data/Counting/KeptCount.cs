namespace ProductionReform.Data.Counting;

/// <summary>
/// A row of <c>kept_counts</c>: a change of one parent's count of one relation's rows (<see cref="KeptCounts"/>). Read
/// in queries only, summed per parent; the triggers write it.
/// </summary>
public sealed class KeptCount
{
    public required string Relation { get; init; }
    public int ParentId { get; init; }
    public int CountChange { get; init; }
}
