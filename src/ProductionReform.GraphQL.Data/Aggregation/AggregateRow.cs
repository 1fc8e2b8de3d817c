namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>One row of an aggregate: group key values, related objects for relation keys, count and numbers.</summary>
public sealed class AggregateRow
{
    /// <summary>The values of the <c>by</c> fields, then the time bucket's start when there is one.</summary>
    public object?[] Keys { get; set; } = [];
    public object?[] Related { get; set; } = [];
    public int Count { get; set; }

    /// <summary>The parent whose rows these are, in a nested aggregate read for many parents at once.</summary>
    public int ParentKey { get; set; }

    /// <summary>sum, avg, min, max, stddev, variance of each numeric field, in that order, field after field.</summary>
    public double?[] Numbers { get; set; } = [];

    /// <summary>COUNT(DISTINCT …) of each field the request selects under <c>distinctCount</c>, in its order.</summary>
    public int[] DistinctCounts { get; set; } = [];
}
