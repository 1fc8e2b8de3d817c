using System.Linq.Expressions;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// A subscriber's view of one list: its <c>where</c>, translated once, and the projection of what it selects of a
/// record. <see cref="LoadAsync"/> reads the changed records that match, in one statement.
/// </summary>
public sealed class RecordWatch
{
    private readonly EntityModel _model;
    private readonly LambdaExpression? _filter;
    private readonly LambdaExpression _selector;

    internal RecordWatch(EntityModel model, LambdaExpression? filter, ProjectionBuilder projections,
        IReadOnlyCollection<GraphQLSelectionSet> recordSelections, GraphQLDocument document)
    {
        _model = model;
        _filter = filter;
        var x = Expression.Parameter(model.ClrType, "x");
        _selector = Expression.Lambda(Expression.Convert(projections.Build(model, x, recordSelections, document), typeof(object)), x);
    }

    /// <summary>The records of <paramref name="keys"/> that still exist and match <c>where</c>, by key.</summary>
    public async Task<Dictionary<int, object>> LoadAsync(DbContext db, IReadOnlyCollection<int> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return [];
        var keyIn = QueryParameter.KeyIn(_model, keys);
        var x = keyIn.Parameters[0];
        var filter = _filter is null
            ? keyIn
            : Expression.Lambda(Expression.AndAlso(keyIn.Body, ParameterRebinder.Rebind(_filter, x)), x);
        var plan = new QueryPlan(_model) { Filter = filter, Selector = _selector };
        var rows = await QueryKernel.ListAsync<object>(db, plan, cancellationToken);
        return rows.ToDictionary(_model.KeyOf);
    }
}
