using GraphQL;
using GraphQL.DataLoader;
using GraphQLParser.AST;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// Collects the parents that resolve one field of the query (same field node and parent type, so same
/// arguments) and loads all their values at once when GraphQL.NET first asks for a result, after it has
/// resolved every sibling: the DataLoader pattern without a loader class per field.
/// </summary>
public sealed class FieldBatch
{
    private const string BatchesKey = "ProductionReform.GraphQL.Data.FieldBatches";

    /// <summary>Loads the values of a field for many parent keys; a key left out gets the batch's default.</summary>
    public delegate Task<IReadOnlyDictionary<int, object>> Loader(IReadOnlyCollection<int> parentKeys, CancellationToken cancellationToken);

    private readonly Loader _load;
    private readonly object _missing;
    private readonly Dictionary<(GraphQLField, string), FieldBatch> _open;
    private readonly (GraphQLField, string) _key;
    private readonly HashSet<int> _parentKeys = [];
    private Task<IReadOnlyDictionary<int, object>>? _loading;

    private FieldBatch(Loader load, object missing, Dictionary<(GraphQLField, string), FieldBatch> open, (GraphQLField, string) key) =>
        (_load, _missing, _open, _key) = (load, missing, open, key);

    /// <param name="createLoader">
    /// Called for the first parent only, so arguments are checked once and before any SQL runs.
    /// </param>
    /// <param name="missing">The value of a parent the loader returns nothing for.</param>
    public static IDataLoaderResult<object> Enlist(
        IResolveFieldContext context, string parentType, int parentKey, Func<Loader> createLoader, object missing)
    {
        var batches = (Dictionary<(GraphQLField, string), FieldBatch>)(context.UserContext.TryGetValue(BatchesKey, out var existing)
            ? existing!
            : context.UserContext[BatchesKey] = new Dictionary<(GraphQLField, string), FieldBatch>());
        var key = (context.FieldAst, parentType);
        if (!batches.TryGetValue(key, out var batch)) batches[key] = batch = new FieldBatch(createLoader(), missing, batches, key);
        batch._parentKeys.Add(parentKey);
        return new Result(batch, parentKey);
    }

    private Task<IReadOnlyDictionary<int, object>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loading is null)
        {
            // Parents met after this point (deeper in the tree) start a batch of their own.
            _open.Remove(_key);
            _loading = _load(_parentKeys, cancellationToken);
        }
        return _loading;
    }

    private sealed class Result(FieldBatch batch, int parentKey) : IDataLoaderResult<object>
    {
        public async Task<object> GetResultAsync(CancellationToken cancellationToken = default) =>
            (await batch.LoadAsync(cancellationToken)).GetValueOrDefault(parentKey, batch._missing);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
