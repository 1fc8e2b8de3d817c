using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>What an aggregate field reads: the entity and the rows its <c>where</c> keeps.</summary>
internal sealed class AggregateSource(EntityModel model, LambdaExpression? filter, DbContext db)
{
    private Task<AggregateRow>? _summary;

    public EntityModel Model { get; } = model;

    public required DataServices Services { get; init; }

    /// <summary>The fields the aggregate selects under <c>distinctCount</c>.</summary>
    public IReadOnlyList<DataField> Distinct { get; init; } = [];

    /// <summary>count, the statistics and distinct counts over all rows: one statement, run once however many are selected.</summary>
    public Task<AggregateRow> SummaryAsync(DataServices services, CancellationToken cancellationToken) =>
        _summary ??= LoadSummaryAsync(services, cancellationToken);

    private async Task<AggregateRow> LoadSummaryAsync(DataServices services, CancellationToken cancellationToken)
    {
        var rows = await AggregateQuery.RunAsync(db, this, new AggregateRequest { Distinct = Distinct }, services, cancellationToken);
        // No rows, no group: the count is 0 and every statistic null.
        return rows.FirstOrDefault() ?? new AggregateRow
        {
            Numbers = new double?[AggregateModel.NumericFields(Model).Count * AggregateModel.Functions.Length],
            DistinctCounts = new int[Distinct.Count],
        };
    }

    public Task<List<AggregateRow>> GroupsAsync(AggregateRequest request, DataServices services, CancellationToken cancellationToken) =>
        AggregateQuery.RunAsync(db, this, request, services, cancellationToken);

    /// <summary>The rows of <see cref="Model"/> that <c>where</c> keeps, as the kernel reads them.</summary>
    public QueryPlan Plan { get; } = new(model) { Filter = filter };
}
