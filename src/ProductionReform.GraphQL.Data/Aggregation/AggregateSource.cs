using System.Linq.Expressions;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Aggregation;

/// <summary>
/// What an aggregate field reads: the entity and the rows its <c>where</c> keeps — all of them (a root field or connection),
/// or one parent's rows of a to-many relation (a nested connection), read with its <see cref="Siblings"/>' in one statement.
/// </summary>
internal sealed class AggregateSource(EntityModel model, LambdaExpression? filter, DbContext db)
{
    // One summary per aggregate field (an alias may select other distinct counts); resolvers run one at a time.
    private readonly Dictionary<GraphQLField, Task<AggregateRow>> _summaries = [];

    public EntityModel Model { get; } = model;

    public required DataServices Services { get; init; }

    /// <summary>The parents read together, for a nested connection; null for a root one.</summary>
    public AggregateSiblings? Siblings { get; init; }

    /// <summary>The parent whose rows a nested connection aggregates.</summary>
    public int ParentKey { get; init; }

    /// <summary>
    /// count, the statistics and the <paramref name="distinct"/> counts over all rows: one statement per aggregate field,
    /// run once however many of its fields are selected.
    /// </summary>
    public Task<AggregateRow> SummaryAsync(GraphQLField aggregateField, IReadOnlyList<DataField> distinct,
        CancellationToken cancellationToken)
    {
        if (!_summaries.TryGetValue(aggregateField, out var summary))
            _summaries[aggregateField] = summary = LoadSummaryAsync(aggregateField, distinct, cancellationToken);
        return summary;
    }

    private async Task<AggregateRow> LoadSummaryAsync(GraphQLField aggregateField, IReadOnlyList<DataField> distinct,
        CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(aggregateField,
            () => AggregateQuery.RunAsync(db, this, new AggregateRequest { Distinct = distinct }, cancellationToken));
        // No rows, no group: the count is 0 and every statistic null.
        return rows.FirstOrDefault() ?? new AggregateRow
        {
            Numbers = new double?[AggregateModel.NumericFields(Model).Count * AggregateModel.Functions.Length],
            DistinctCounts = new int[distinct.Count],
        };
    }

    /// <param name="groupsField">The <c>groups</c> field, whose arguments the parents of a nested connection share.</param>
    public async Task<List<AggregateRow>> GroupsAsync(GraphQLField groupsField, AggregateRequest request,
        CancellationToken cancellationToken) =>
        (await ReadAsync(groupsField, () => AggregateQuery.RunAsync(db, this, request, cancellationToken))).ToList();

    private async Task<IEnumerable<AggregateRow>> ReadAsync(GraphQLField field, Func<Task<List<AggregateRow>>> read) =>
        Siblings is null ? await read() : await Siblings.RowsAsync(field, ParentKey, read);

    /// <summary>The rows of <see cref="Model"/> that <c>where</c> keeps, as the kernel reads them.</summary>
    public QueryPlan Plan { get; } = new(model) { Filter = filter };
}
