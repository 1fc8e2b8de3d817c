namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>A group's time bucket: the first day of the <paramref name="Unit"/> its dates fall in.</summary>
internal sealed record TimeBucket(DateOnly Start, TimeUnit Unit);
