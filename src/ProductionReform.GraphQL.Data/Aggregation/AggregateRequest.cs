using GraphQLParser.AST;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>What one aggregate statement computes: no keys for the summary, the arguments of <c>groups</c> for groups.</summary>
internal sealed record AggregateRequest
{
    public IReadOnlyList<DataField> By { get; init; } = [];

    public TimeBucketRequest? Bucket { get; init; }

    /// <summary>The coerced <c>having</c> argument, applied as SQL HAVING.</summary>
    public IDictionary<string, object?>? Having { get; init; }

    /// <summary><c>count</c> or <c>key</c> with its direction; empty for the default.</summary>
    public IReadOnlyList<(string Field, bool Descending)> Order { get; init; } = [];

    public int? First { get; init; }

    /// <summary>The fields selected under <c>distinctCount</c>: only these are counted.</summary>
    public IReadOnlyList<DataField> Distinct { get; init; } = [];

    /// <summary>What <c>key { relation { … } }</c> selects of each <c>by</c> field, to project related objects.</summary>
    public IReadOnlyList<IEnumerable<GraphQLSelectionSet>> RelatedSelections { get; init; } = [];

    public GraphQLDocument? Document { get; init; }

    /// <summary>The GROUP BY terms: the <c>by</c> fields, then the time bucket.</summary>
    public int KeyCount => By.Count + (Bucket is null ? 0 : 1);

    /// <summary>The sort of the groups: as asked, else in time order with a bucket, else the largest groups first.</summary>
    public IReadOnlyList<(string Field, bool Descending)> Sort => Order.Count > 0 || KeyCount == 0 ? Order
        : Bucket is not null ? [("key", false)]
        : [("count", true), ("key", false)];
}
