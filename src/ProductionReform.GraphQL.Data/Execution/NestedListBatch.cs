using GraphQL;
using GraphQL.DataLoader;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// Collects the parents that ask for one nested list field (same field in the query, so same arguments)
/// and loads all their rows in one statement when GraphQL.NET first asks for a result, after it has
/// resolved every sibling: the DataLoader pattern without a loader per field.
/// </summary>
internal sealed class NestedListBatch
{
    private const string BatchesKey = "ProductionReform.GraphQL.Data.NestedListBatches";

    private readonly EntityModel _parent;
    private readonly ListField _field;
    private readonly ListRequest _request;
    private readonly DataServices _services;
    private readonly DbContext _db;
    private readonly Dictionary<(GraphQLField, string), NestedListBatch> _openBatches;
    private readonly (GraphQLField, string) _key;
    private readonly HashSet<int> _parentKeys = [];
    private Task<Dictionary<int, object>>? _loading;

    private NestedListBatch(EntityModel parent, ListField field, ListRequest request, DataServices services, DbContext db,
        Dictionary<(GraphQLField, string), NestedListBatch> openBatches, (GraphQLField, string) key)
    {
        (_parent, _field, _request, _services, _db, _openBatches, _key) = (parent, field, request, services, db, openBatches, key);
    }

    public static IDataLoaderResult<object> Enlist(IResolveFieldContext context, EntityModel parent, ListField field, DataServices services)
    {
        var batches = (Dictionary<(GraphQLField, string), NestedListBatch>)(context.UserContext.TryGetValue(BatchesKey, out var existing)
            ? existing!
            : context.UserContext[BatchesKey] = new Dictionary<(GraphQLField, string), NestedListBatch>());
        var key = (context.FieldAst, parent.Name);
        if (!batches.TryGetValue(key, out var batch))
        {
            // Arguments are checked once, for the first parent, before any row is read.
            var request = ListRequest.FromConnection(context, services.Models[field.TargetType], services);
            batch = new NestedListBatch(parent, field, request, services, Database.Of(context), batches, key);
            batches[key] = batch;
        }
        var parentKey = parent.KeyOf(context.Source!);
        batch._parentKeys.Add(parentKey);
        return new Result(batch, parentKey);
    }

    private Task<Dictionary<int, object>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loading is null)
        {
            // Parents met after this point (deeper in the tree) start a batch of their own.
            _openBatches.Remove(_key);
            _loading = ListQuery.NestedAsync(_db, _parent, _field, _parentKeys, _request, _services, cancellationToken);
        }
        return _loading;
    }

    private sealed class Result(NestedListBatch batch, int parentKey) : IDataLoaderResult<object>
    {
        public async Task<object> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var results = await batch.LoadAsync(cancellationToken);
            return results.TryGetValue(parentKey, out var page) ? page : Paging.Connection.Empty;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

internal static class Database
{
    /// <summary>The request's DbContext; the API registers its context as <see cref="DbContext"/>.</summary>
    public static DbContext Of(IResolveFieldContext context) =>
        (DbContext)(context.RequestServices ?? throw new InvalidOperationException("ExecutionOptions.RequestServices is not set."))
            .GetService(typeof(DbContext))!;
}
