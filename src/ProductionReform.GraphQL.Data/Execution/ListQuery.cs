using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// Runs a <see cref="ListRequest"/>: one statement for the page, one more for a selected totalCount; the connection's
/// <c>aggregate</c> reads the same <c>where</c> when its fields are resolved.
/// </summary>
internal static class ListQuery
{
    public static async Task<object> RootAsync(DbContext db, ListRequest request, DataServices services,
        CancellationToken cancellationToken)
    {
        var rows = request.ReadsRows ? await QueryKernel.ListAsync<ProjectedRow>(db, request.Plan, cancellationToken) : [];
        int? total = request.WantsTotal ? await QueryKernel.CountAsync(db, request.Plan, cancellationToken) : null;
        var aggregate = request.WantsAggregate ? new AggregateSource(request.Model, request.Filter, db) { Services = services } : null;
        return Shape(request, rows, total, services.Cursors, aggregate);
    }

    /// <summary>
    /// The rows of a to-many relation for many parents in one statement: the parents by key, each with its filtered,
    /// ordered, limited children. Without totalCount each parent joins laterally to its page
    /// (<c>CROSS JOIN LATERAL (… LIMIT n)</c>: a page per parent read through the foreign-key index); with it, each
    /// parent also joins its count (<see cref="Counts"/>) and its page is read as a collection (<c>LEFT JOIN LATERAL</c>).
    /// </summary>
    /// <remarks>
    /// A connection that selects nothing but <c>aggregate</c> reads no rows; its aggregate fields are read for all parents
    /// together (<see cref="AggregateSiblings"/>).
    /// </remarks>
    public static async Task<IReadOnlyDictionary<int, object>> NestedAsync(DbContext db, NestedScope scope, ListRequest request,
        DataServices services, CancellationToken cancellationToken)
    {
        var siblings = request.WantsAggregate ? new AggregateSiblings(scope) : null;
        var shape = (int key, List<ProjectedRow> rows, int? total) => Shape(request, rows, total, services.Cursors, siblings is null
            ? null
            : new AggregateSource(request.Model, request.Filter, db) { Services = services, Siblings = siblings, ParentKey = key });
        if (!request.ReadsRows) return scope.ParentKeys.ToDictionary(key => key, key => shape(key, [], null));

        var parent = scope.Parent;
        var p = Expression.Parameter(parent.ClrType, "p");
        var children = scope.Children(p);
        var set = QueryKernel.Set(db, parent);
        var parents = scope.Parents(set);
        var parentKey = scope.KeyOf(p);

        // The lateral page builds each row's sort-key array in SQL, which needs keys of one type (the default order, by id).
        if (request.WantsTotal || request.Order.Select(k => k.Type).Distinct().Count() > 1)
        {
            var rowsOf = Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Rows))!,
                Linq.ToList(QueryKernel.Rows(children, request.Plan), typeof(ProjectedRow)));
            var keyOf = Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.ParentKey))!, parentKey);
            Expression lists;
            if (request.WantsTotal)
            {
                var count = Expression.Parameter(typeof(ParentCount), "count");
                var total = Expression.Coalesce(Expression.Property(count, nameof(ParentCount.Count)), Expression.Constant(0));
                var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRows)), keyOf, rowsOf,
                    Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Total))!, total)), p, count);
                lists = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany),
                    [parent.ClrType, typeof(ParentCount), typeof(NestedRows)], parents,
                    Expression.Quote(Linq.SequenceSelector(CountOf(Counts(parents, scope, request.Plan), parentKey),
                        typeof(ParentCount), p)),
                    Expression.Quote(selector));
            }
            else
            {
                var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRows)), keyOf, rowsOf), p);
                lists = Linq.Select(parents, parent.ClrType, selector);
            }
            var loaded = await set.Provider.CreateQuery<NestedRows>(lists).ToListAsync(cancellationToken);
            return loaded.ToDictionary(r => r.ParentKey, r => shape(r.ParentKey, r.Rows, request.WantsTotal ? r.Total : null));
        }

        var row = Expression.Parameter(typeof(ProjectedRow), "row");
        var result = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRow)),
            Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.ParentKey))!, parentKey),
            Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.Row))!, row)), p, row);
        var query = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany),
            [parent.ClrType, typeof(ProjectedRow), typeof(NestedRow)],
            parents, Expression.Quote(Expression.Lambda(QueryKernel.Rows(children, request.Plan), p)), Expression.Quote(result));
        var rows = (await set.Provider.CreateQuery<NestedRow>(query).ToListAsync(cancellationToken)).ToLookup(r => r.ParentKey, r => r.Row);
        // A lateral join emits each parent's rows in the page's order; a parent without rows still gets its (empty) page.
        return scope.ParentKeys.ToDictionary(key => key, key => shape(key, rows[key].ToList(), null));
    }

    /// <summary>
    /// Every parent's count in one GROUP BY over the parents joined to their filtered children
    /// (<c>SELECT p.id, count(*) … GROUP BY p.id</c>), which the statement joins by parent key: PostgreSQL counts once
    /// per parent, where a count subquery in the SELECT list would run once per row of the page.
    /// </summary>
    private static Expression Counts(Expression parents, NestedScope scope, QueryPlan plan)
    {
        var p = Expression.Parameter(scope.Parent.ClrType, "parent");
        var child = Expression.Parameter(plan.Model.ClrType, "child");
        var pairs = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany),
            [scope.Parent.ClrType, plan.Model.ClrType, typeof(int)], parents,
            Expression.Quote(Linq.SequenceSelector(QueryKernel.Where(scope.Children(p), plan), plan.Model.ClrType, p)),
            Expression.Quote(Expression.Lambda(scope.KeyOf(p), p, child)));
        var key = Expression.Parameter(typeof(int), "key");
        var grouped = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [typeof(int), typeof(int)], pairs,
            Expression.Quote(Expression.Lambda(key, key)));
        var g = Expression.Parameter(typeof(IGrouping<int, int>), "g");
        var row = Expression.MemberInit(Expression.New(typeof(ParentCount)),
            Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.ParentKey))!,
                Expression.Property(g, nameof(IGrouping<int, int>.Key))),
            Expression.Bind(typeof(ParentCount).GetProperty(nameof(ParentCount.Count))!,
                Expression.Convert(Linq.Count(g, typeof(int)), typeof(int?))));
        return Linq.Select(grouped, typeof(IGrouping<int, int>), Expression.Lambda(row, g));
    }

    /// <summary>The count row of the parent <paramref name="parentKey"/>, or one null row when it has no children (LEFT JOIN).</summary>
    private static Expression CountOf(Expression counts, Expression parentKey)
    {
        var count = Expression.Parameter(typeof(ParentCount), "count");
        var match = Linq.Where(counts, typeof(ParentCount),
            Expression.Lambda(Expression.Equal(Expression.Property(count, nameof(ParentCount.ParentKey)), parentKey), count));
        return Expression.Call(typeof(Queryable), nameof(Queryable.DefaultIfEmpty), [typeof(ParentCount)], match);
    }

    private static object Shape(ListRequest request, List<ProjectedRow> rows, int? total, CursorCodec cursors, AggregateSource? aggregate)
    {
        var more = rows.Count > request.PageSize;
        var page = rows.Take(request.PageSize).ToList();
        if (request.IsSegment)
        {
            return new CollectionSegment(page.Select(r => r.Node).ToList(), new CollectionSegmentInfo(more, request.Skip > 0), total)
            {
                Aggregate = aggregate,
            };
        }

        if (request.Backward) page.Reverse();
        var edges = page.Select(r => new Edge(() => cursors.Encode(request.Order, r.Keys), r.Node)).ToList();
        var cursorGiven = request.Cursor is not null;
        var pageInfo = new PageInfo(
            HasNextPage: request.Backward ? cursorGiven : more,
            HasPreviousPage: request.Backward ? more : cursorGiven,
            StartEdge: edges.FirstOrDefault(),
            EndEdge: edges.LastOrDefault());
        return new Connection(edges, pageInfo, total) { Aggregate = aggregate };
    }
}
