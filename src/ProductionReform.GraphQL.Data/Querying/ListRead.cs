using System.Linq.Expressions;
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

    /// <summary>
    /// The rows of a to-many relation of the read's records, with one statement: <paramref name="related"/> is
    /// <c>x =&gt; x.Sources</c> and <paramref name="row"/> <c>(x, c) =&gt; new object?[] { … }</c>, applied to the records the
    /// read keeps, in its order.
    /// </summary>
    public IAsyncEnumerable<object?[]> RelatedRows(DbContext db, LambdaExpression related, LambdaExpression row)
    {
        var set = QueryKernel.Set(db, Model);
        var records = QueryKernel.Order(QueryKernel.Where(set.Expression, _plan), _plan);
        var element = row.Parameters[1].Type;
        var rows = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany), [Model.ClrType, element, typeof(object?[])],
            records, Expression.Quote(related), Expression.Quote(row));
        return set.Provider.CreateQuery<object?[]>(rows).AsAsyncEnumerable();
    }
}
