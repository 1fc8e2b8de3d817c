using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// The one path from an entity set to rows: set → where → order → page → select. Root lists, nested lists (over a
/// navigation collection inside a projection), aggregates, node loading and the CSV export all read through it, so
/// a filter, an order or a page means the same SQL wherever it is used.
/// </summary>
internal static class QueryKernel
{
    private static readonly MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    // A delegate per entity type, made once: reflection's Invoke on every request was a hot spot.
    private static readonly ConcurrentDictionary<Type, Func<DbContext, IQueryable>> Sets = new();

    public static IQueryable Set(DbContext db, EntityModel model) => Sets.GetOrAdd(model.ClrType, static type =>
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        return Expression.Lambda<Func<DbContext, IQueryable>>(SetOf(context, type), context).Compile();
    })(db);

    /// <summary><c>db.Set&lt;T&gt;()</c> on a context parameter: the root of a compiled read (<see cref="CompiledReads"/>).</summary>
    public static Expression SetOf(Expression context, EntityModel model) => SetOf(context, model.ClrType);

    private static Expression SetOf(Expression context, Type entityType) =>
        Expression.Call(context, SetMethod.MakeGenericMethod(entityType));

    public static Expression Where(Expression source, QueryPlan plan) =>
        plan.Filter is null ? source : Linq.Where(source, plan.Model.ClrType, plan.Filter);

    public static Expression Order(Expression source, QueryPlan plan)
    {
        for (var i = 0; i < plan.Order.Count; i++)
            source = Linq.Order(source, plan.Model.ClrType, plan.Order[i].Key, plan.Order[i].Descending, first: i == 0);
        return source;
    }

    public static Expression Page(Expression source, QueryPlan plan)
    {
        var element = plan.Model.ClrType;
        if (plan.After is not null) source = Linq.Where(source, element, plan.After);
        if (plan.Skip > 0) source = Linq.Skip(source, element, plan.Skip);
        return plan.Take is { } take ? Linq.Take(source, element, take) : source;
    }

    public static Expression Select(Expression source, QueryPlan plan) =>
        plan.Selector is null ? source : Linq.Select(source, plan.Model.ClrType, plan.Selector);

    /// <summary>Every step over <paramref name="source"/>: an entity set, or a navigation collection in a projection.</summary>
    public static Expression Rows(Expression source, QueryPlan plan) => Select(Page(Order(Where(source, plan), plan), plan), plan);

    /// <summary>The number of rows the filter keeps, whatever the page.</summary>
    public static Expression Count(Expression source, QueryPlan plan) => Linq.Count(Where(source, plan), plan.Model.ClrType);

    /// <summary>What <paramref name="plan"/> reads from: its <see cref="QueryPlan.Source"/>, else the entity set.</summary>
    public static IQueryable Source(DbContext db, QueryPlan plan) => plan.Source?.Invoke(db) ?? Set(db, plan.Model);

    public static IQueryable<TRow> Query<TRow>(DbContext db, QueryPlan plan)
    {
        var set = Source(db, plan);
        return set.Provider.CreateQuery<TRow>(Rows(set.Expression, plan));
    }

    public static Task<List<TRow>> ListAsync<TRow>(DbContext db, QueryPlan plan, CancellationToken cancellationToken) =>
        Query<TRow>(db, plan).ToListAsync(cancellationToken);

    /// <summary>
    /// The page and the filter's count in one statement: each row carries the count as an uncorrelated subquery, which
    /// PostgreSQL evaluates once (an InitPlan), so a counted page costs one round trip instead of two.
    /// </summary>
    public static Expression CountedRows(Expression source, QueryPlan plan)
    {
        var row = Expression.Parameter(typeof(ProjectedRow), "row");
        var counted = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(CountedRow)),
            Expression.Bind(typeof(CountedRow).GetProperty(nameof(CountedRow.Row))!, row),
            Expression.Bind(typeof(CountedRow).GetProperty(nameof(CountedRow.Total))!, Count(source, plan))), row);
        return Linq.Select(Rows(source, plan), typeof(ProjectedRow), counted);
    }

    public static Task<int> CountAsync(DbContext db, QueryPlan plan, CancellationToken cancellationToken)
    {
        var set = Source(db, plan);
        return ((IAsyncQueryProvider)set.Provider).ExecuteAsync<Task<int>>(Count(set.Expression, plan), cancellationToken);
    }
}
