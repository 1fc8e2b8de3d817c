using GraphQLParser.AST;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// The parents of one nested connection field, whose <c>aggregate</c>s are read together: the first parent to resolve an
/// aggregate field runs its one statement for every parent, the others read their rows from it.
/// </summary>
internal sealed class AggregateSiblings(NestedScope scope)
{
    // The resolvers run one at a time (they share the request's DbContext), so the reads need no lock.
    private readonly Dictionary<GraphQLField, Task<ILookup<int, AggregateRow>>> _reads = [];

    public NestedScope Scope { get; } = scope;

    /// <summary>
    /// The rows of <paramref name="parentKey"/> from the one read of <paramref name="field"/> for all parents: an
    /// <c>aggregate</c> field's summary or a <c>groups</c> field (its node in the document, which every parent shares).
    /// </summary>
    public async Task<IEnumerable<AggregateRow>> RowsAsync(GraphQLField field, int parentKey, Func<Task<List<AggregateRow>>> read)
    {
        if (!_reads.TryGetValue(field, out var rows)) _reads[field] = rows = ByParentAsync(read());
        return (await rows)[parentKey];
    }

    private static async Task<ILookup<int, AggregateRow>> ByParentAsync(Task<List<AggregateRow>> rows) =>
        (await rows).ToLookup(row => row.ParentKey);
}
