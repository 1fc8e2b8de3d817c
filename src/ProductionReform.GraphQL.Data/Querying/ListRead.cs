using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>A checked read of an entity list (<see cref="ListReader"/>): filtered and ordered, every row.</summary>
public sealed class ListRead
{
    private readonly QueryPlan _plan;

    internal ListRead(QueryPlan plan) => _plan = plan;

    public EntityModel Model => _plan.Model;

    /// <summary>The number of rows the read returns: one <c>SELECT COUNT(*)</c>.</summary>
    public Task<int> CountAsync(DbContext db, CancellationToken cancellationToken = default) =>
        QueryKernel.CountAsync(db, _plan, cancellationToken);

    /// <summary>The rows as the database returns them, with one statement.</summary>
    public IAsyncEnumerable<object?[]> Rows(DbContext db) => QueryKernel.Query<object?[]>(db, _plan).AsAsyncEnumerable();
}
