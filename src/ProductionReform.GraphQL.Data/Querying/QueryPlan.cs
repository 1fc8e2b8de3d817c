using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// One read of an entity, step by step as <see cref="QueryKernel"/> applies it: which rows (<see cref="Filter"/>),
/// in which order, which window of them (the rows past a cursor, an offset and a limit), and what each row becomes.
/// A step left empty is skipped.
/// </summary>
internal sealed record QueryPlan(EntityModel Model)
{
    /// <summary>The rows read instead of the entity's table (the records as they stood at <c>asOf</c>); null reads the table.</summary>
    public Func<DbContext, IQueryable>? Source { get; init; }

    /// <summary>The condition of <c>where</c>, also what a count counts.</summary>
    public LambdaExpression? Filter { get; init; }

    /// <summary>The sort keys, in the order they are read (reversed when paging backwards).</summary>
    public IReadOnlyList<SortKey> Order { get; init; } = [];

    /// <summary>The rows past a cursor in <see cref="Order"/> (keyset paging).</summary>
    public LambdaExpression? After { get; init; }

    public int Skip { get; init; }
    public int? Take { get; init; }

    /// <summary>What each row is read as (a projection); null reads the entity.</summary>
    public LambdaExpression? Selector { get; init; }

    /// <summary>The type of a row as <see cref="Selector"/> reads it.</summary>
    public Type RowType => Selector?.ReturnType ?? Model.ClrType;
}
