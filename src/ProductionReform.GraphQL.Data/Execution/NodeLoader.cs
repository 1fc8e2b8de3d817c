using System.Linq.Expressions;
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
    private readonly DataServices _services;

    internal NodeLoader(DataServices services) => _services = services;

    public ModelRegistry Models => _services.Models;

    /// <param name="asOf">Load the records as they stood at this instant (<see cref="AsOf"/>); null: as they stand.</param>
    public async Task<Dictionary<(string Type, int Key), object>> LoadAsync(IResolveFieldContext context,
        IEnumerable<(string Type, int Key)> keys, IReadOnlyCollection<GraphQLSelectionSet> selectionSets, DateTimeOffset? asOf = null)
    {
        var found = new Dictionary<(string, int), object>();
        var db = Database.Of(context);
        foreach (var group in keys.Distinct().GroupBy(k => k.Type))
        {
            var model = _services.Models.FindByName(group.Key)
                ?? throw DataError.InvalidId($"'{group.Key}' is no type of this registry.");
            var x = Expression.Parameter(model.ClrType, "x");
            var plan = new QueryPlan(model)
            {
                Source = AsOf.Source(model, asOf, _services),
                Filter = QueryParameter.KeyIn(model, group.Select(k => k.Key)),
                Selector = Expression.Lambda(
                    Expression.Convert(_services.Projections.Build(model, x, selectionSets, context.Document), typeof(object)), x),
            };
            foreach (var entity in await QueryKernel.ListAsync<object>(db, plan, context.CancellationToken))
                found[(model.Name, model.KeyOf(entity))] = entity;
        }
        return found;
    }
}
