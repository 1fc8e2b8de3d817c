using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// The parents of one nested connection field, whose <c>aggregate</c>s are read together: the first parent to resolve an
/// aggregate field runs its one statement for every parent, the others read their rows from it.
/// </summary>
internal sealed class AggregateSiblings(NestedScope scope)
{
    /// <summary>The key of the summary read (count, sum, avg, min, max), which every parent's summary fields share.</summary>
    public static readonly object Summary = new();

    // The resolvers run one at a time (they share the request's DbContext), so the reads need no lock.
    private readonly Dictionary<object, Task<ILookup<int, AggregateRow>>> _reads = [];

    public NestedScope Scope { get; } = scope;

    /// <summary>
    /// The rows of <paramref name="parentKey"/> from the one read of <paramref name="field"/> for all parents: the summary,
    /// or a <c>groups</c> field (its node in the document, whose arguments every parent shares).
    /// </summary>
    public async Task<IEnumerable<AggregateRow>> RowsAsync(object field, int parentKey, Func<Task<List<AggregateRow>>> read)
    {
        if (!_reads.TryGetValue(field, out var rows)) _reads[field] = rows = ByParentAsync(read());
        return (await rows)[parentKey];
    }

    private static async Task<ILookup<int, AggregateRow>> ByParentAsync(Task<List<AggregateRow>> rows) =>
        (await rows).ToLookup(row => row.ParentKey);
}
