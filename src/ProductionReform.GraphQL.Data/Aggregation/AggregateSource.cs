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
    private Task<AggregateRow>? _summary;

    public EntityModel Model { get; } = model;

    public required DataServices Services { get; init; }

    /// <summary>The parents read together, for a nested connection; null for a root one.</summary>
    public AggregateSiblings? Siblings { get; init; }

    /// <summary>The parent whose rows a nested connection aggregates.</summary>
    public int ParentKey { get; init; }

    /// <summary>count, sum, avg, min and max over all rows: one statement, run once however many are selected.</summary>
    public Task<AggregateRow> SummaryAsync(DataServices services, CancellationToken cancellationToken) =>
        _summary ??= LoadSummaryAsync(services, cancellationToken);

    private async Task<AggregateRow> LoadSummaryAsync(DataServices services, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(AggregateSiblings.Summary,
            () => AggregateQuery.RunAsync(db, this, [], null, [], null, services, cancellationToken));
        // No rows, no group: the count is 0 and every statistic null.
        return rows.FirstOrDefault()
            ?? new AggregateRow { Numbers = new double?[AggregateModel.NumericFields(Model).Count * AggregateModel.Functions.Length] };
    }

    /// <param name="field">The <c>groups</c> field, whose arguments the parents of a nested connection share.</param>
    public async Task<List<AggregateRow>> GroupsAsync(GraphQLField field, IReadOnlyList<DataField> by,
        IReadOnlyList<(string Field, bool Descending)> order, int first, IReadOnlyList<IEnumerable<GraphQLSelectionSet>> relatedSelections,
        GraphQLDocument document, DataServices services, CancellationToken cancellationToken) =>
        (await ReadAsync(field, () =>
            AggregateQuery.RunAsync(db, this, by, first, order, (relatedSelections, document), services, cancellationToken))).ToList();

    private async Task<IEnumerable<AggregateRow>> ReadAsync(object field, Func<Task<List<AggregateRow>>> read) =>
        Siblings is null ? await read() : await Siblings.RowsAsync(field, ParentKey, read);

    /// <summary>The rows of <see cref="Model"/> that <c>where</c> keeps, as the kernel reads them.</summary>
    public QueryPlan Plan { get; } = new(model) { Filter = filter };
}
