using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>Runs a <see cref="ListRequest"/>: one statement for the page, one more for a selected totalCount.</summary>
internal static class ListQuery
{
    public static async Task<object> RootAsync(DbContext db, ListRequest request, DataServices services, CancellationToken cancellationToken)
    {
        var set = (IQueryable)Set(db, request.Model.ClrType);
        var filtered = Filtered(set.Expression, request);
        var rows = await set.Provider.CreateQuery<ProjectedRow>(Page(filtered, request)).ToListAsync(cancellationToken);
        int? total = request.WantsTotal
            ? await ((IAsyncQueryProvider)set.Provider).ExecuteAsync<Task<int>>(Linq.Count(filtered, request.Model.ClrType), cancellationToken)
            : null;
        return Shape(request, rows, total, services.Cursors);
    }

    /// <summary>
    /// The rows of a to-many relation for many parents in one statement: the parents by key, each with its filtered,
    /// ordered, limited children. Without totalCount each parent joins laterally to its page
    /// (<c>CROSS JOIN LATERAL (… LIMIT n)</c>: a page per parent read through the foreign-key index); with it, EF Core
    /// numbers the children per parent (ROW_NUMBER) and counts them beside the parent.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, object>> NestedAsync(DbContext db, EntityModel parent, ListField field,
        IReadOnlyCollection<int> parentKeys, ListRequest request, DataServices services, CancellationToken cancellationToken)
    {
        var p = Expression.Parameter(parent.ClrType, "p");
        var filtered = Filtered(Filtering.FilterTranslator.Rebind(field.Member, p), request);
        var set = (IQueryable)Set(db, parent.ClrType);
        var keyFilter = Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            Filtering.FilterTranslator.Parameter(parentKeys.ToList(), typeof(List<int>)), Expression.Property(p, parent.Key)), p);
        var parents = Linq.Where(set.Expression, parent.ClrType, keyFilter);
        var parentKey = Expression.Property(p, parent.Key);

        // The lateral page builds each row's sort-key array in SQL, which needs keys of one type (the default order, by id).
        if (request.WantsTotal || request.Order.Select(k => k.Type).Distinct().Count() > 1)
        {
            var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRows)),
                Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.ParentKey))!, parentKey),
                Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Rows))!,
                    Linq.ToList(Page(filtered, request), typeof(ProjectedRow))),
                Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Total))!, Linq.Count(filtered, field.TargetType))), p);
            var lists = await set.Provider.CreateQuery<NestedRows>(Linq.Select(parents, parent.ClrType, selector))
                .ToListAsync(cancellationToken);
            return lists.ToDictionary(r => r.ParentKey, r => Shape(request, r.Rows, r.Total, services.Cursors));
        }

        var row = Expression.Parameter(typeof(ProjectedRow), "row");
        var result = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRow)),
            Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.ParentKey))!, parentKey),
            Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.Row))!, row)), p, row);
        var query = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany),
            [parent.ClrType, typeof(ProjectedRow), typeof(NestedRow)],
            parents, Expression.Quote(Expression.Lambda(Page(filtered, request), p)), Expression.Quote(result));
        var rows = (await set.Provider.CreateQuery<NestedRow>(query).ToListAsync(cancellationToken)).ToLookup(r => r.ParentKey, r => r.Row);
        // A lateral join emits each parent's rows in the page's order; a parent without rows still gets its (empty) page.
        return parentKeys.ToDictionary(key => key, key => Shape(request, rows[key].ToList(), null, services.Cursors));
    }

    private static Expression Filtered(Expression source, ListRequest request) =>
        request.Filter is null ? source : Linq.Where(source, request.Model.ClrType, request.Filter);

    private static Expression Page(Expression filtered, ListRequest request)
    {
        var element = request.Model.ClrType;
        var order = request.ReadOrder;
        var source = request.Cursor is null ? filtered : Linq.Where(filtered, element, Keyset.After(element, order, request.Cursor));
        for (var i = 0; i < order.Count; i++) source = Linq.Order(source, element, order[i].Key, order[i].Descending, first: i == 0);
        if (request.Skip > 0) source = Linq.Skip(source, element, request.Skip);
        // One row more than the page tells whether another page follows.
        source = Linq.Take(source, element, request.PageSize + 1);
        return Linq.Select(source, element, request.Rows);
    }

    private static object Shape(ListRequest request, List<ProjectedRow> rows, int? total, CursorCodec cursors)
    {
        var more = rows.Count > request.PageSize;
        var page = rows.Take(request.PageSize).ToList();
        if (request.IsSegment)
            return new CollectionSegment(page.Select(r => r.Node).ToList(), new CollectionSegmentInfo(more, request.Skip > 0), total);

        if (request.Backward) page.Reverse();
        var edges = page.Select(r => new Edge(cursors.Encode(request.Order, r.Keys), r.Node)).ToList();
        var cursorGiven = request.Cursor is not null;
        var pageInfo = new PageInfo(
            HasNextPage: request.Backward ? cursorGiven : more,
            HasPreviousPage: request.Backward ? more : cursorGiven,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection(edges, pageInfo, total);
    }

    internal static object Set(DbContext db, Type entity) =>
        typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity).Invoke(db, null)!;
}
