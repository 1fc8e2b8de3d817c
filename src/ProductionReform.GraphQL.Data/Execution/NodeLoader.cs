using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// Loads records by entity type name and key, projected to what the given selection sets ask of each
/// type: one statement per type, whatever the number of keys. Serves <c>node</c>/<c>nodes</c> and any
/// field that returns <c>Node</c>s found by other means (search hits, link graphs).
/// </summary>
public sealed class NodeLoader
{
    // A selection set of a cached document asks the same columns of each type every time: its reads are compiled once,
    // with the keys as their parameter (building and translating the read was 12 % of the API's CPU on nodes(ids:)).
    private static readonly ConditionalWeakTable<GraphQLSelectionSet, CompiledReads> Kept = new();

    private readonly DataServices _services;

    internal NodeLoader(DataServices services) => _services = services;

    public ModelRegistry Models => _services.Models;

    /// <param name="asOf">Load the records as they stood at this instant (<see cref="AsOf"/>); null: as they stand.</param>
    public async Task<Dictionary<(string Type, int Key), object>> LoadAsync(IResolveFieldContext context,
        IEnumerable<(string Type, int Key)> keys, IReadOnlyCollection<GraphQLSelectionSet> selectionSets, DateTimeOffset? asOf = null)
    {
        var found = new Dictionary<(string, int), object>();
        var db = Database.Of(context, _services);
        // Only a read of the tables is kept, and only for one selection set: several are a union made per request.
        var compiled = asOf is null && selectionSets.Count == 1 ? Kept.GetValue(selectionSets.First(), static _ => new()) : null;
        foreach (var group in keys.Distinct().GroupBy(k => k.Type))
        {
            var model = _services.Models.FindByName(group.Key)
                ?? throw DataError.InvalidId($"'{group.Key}' is no type of this registry.");
            var groupKeys = group.Select(k => k.Key).ToList();
            var rows = compiled is null ? null : await compiled.ListAsync<object>(model.Name, db,
                (database, keyList) => QueryKernel.Rows(QueryKernel.SetOf(database, model), Plan(context, model, selectionSets, keyList)),
                groupKeys, context.CancellationToken);
            if (rows is null)
            {
                var keysParameter = QueryParameter.Of(groupKeys, typeof(List<int>));
                var plan = Plan(context, model, selectionSets, keysParameter) with { Source = AsOf.Source(model, asOf, _services) };
                rows = await QueryKernel.ListAsync<object>(db, plan, context.CancellationToken);
            }
            foreach (var entity in rows) found[(model.Name, model.KeyOf(entity))] = entity;
        }
        return found;
    }

    /// <summary>The records whose keys are in <paramref name="keys"/>, projected to the selection sets.</summary>
    private QueryPlan Plan(IResolveFieldContext context, EntityModel model, IReadOnlyCollection<GraphQLSelectionSet> selectionSets,
        Expression keys)
    {
        var x = Expression.Parameter(model.ClrType, "x");
        return new QueryPlan(model)
        {
            Filter = QueryParameter.KeyIn(model, keys),
            Selector = Expression.Lambda(
                Expression.Convert(_services.Projections.Build(model, x, selectionSets, context.Document), typeof(object)), x),
        };
    }
}
