namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// <c>fill: true</c>: the empty buckets (count 0, statistics null) between the buckets of each series — the groups that
/// share the values of the <c>by</c> fields (and the parent, in a nested read) — so a chart gets a continuous time axis.
/// </summary>
internal static class GroupFill
{
    /// <summary>
    /// <paramref name="rows"/> come in key order (the bucket last), so a series' rows are adjacent and in time order, and
    /// the rows of a page are a prefix of all groups: a missing bucket between two of a series' rows has no rows.
    /// </summary>
    public static List<AggregateRow> Fill(IReadOnlyList<AggregateRow> rows, TimeUnit unit, bool descending, int first)
    {
        var filled = new List<AggregateRow>(rows.Count);
        var step = descending ? -1 : 1;
        AggregateRow? previous = null;
        foreach (var row in rows)
        {
            if (previous is { Keys: [.. var series, DateOnly last] } && row.Keys is [.. var keys, DateOnly next]
                && series.SequenceEqual(keys))
            {
                for (var start = TimeBuckets.Step(last, unit, step); start != next && filled.Count < first;
                     start = TimeBuckets.Step(start, unit, step))
                    filled.Add(Empty(previous, [.. series, start]));
            }
            if (filled.Count == first) break;
            filled.Add(row);
            previous = row;
        }
        return filled;
    }

    private static AggregateRow Empty(AggregateRow neighbour, object?[] keys) => new()
    {
        Keys = keys,
        ParentKey = neighbour.ParentKey,
        Related = neighbour.Related,
        Numbers = new double?[neighbour.Numbers.Length],
        DistinctCounts = new int[neighbour.DistinctCounts.Length],
    };
}
