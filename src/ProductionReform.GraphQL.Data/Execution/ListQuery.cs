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
    /// The rows of a to-many relation for many parents in one statement: the parents by key, each with
    /// its filtered, ordered, limited children (EF Core renders the limit per parent with ROW_NUMBER).
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, object>> NestedAsync(DbContext db, EntityModel parent, ListField field,
        IReadOnlyCollection<int> parentKeys, ListRequest request, DataServices services, CancellationToken cancellationToken)
    {
        var p = Expression.Parameter(parent.ClrType, "p");
        var children = Filtering.FilterTranslator.Rebind(field.Member, p);
        var filtered = Filtered(children, request);
        var bindings = new List<MemberBinding>
        {
            Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.ParentKey))!, Expression.Property(p, parent.Key)),
            Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Rows))!, Linq.ToList(Page(filtered, request), typeof(ProjectedRow))),
        };
        if (request.WantsTotal)
            bindings.Add(Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Total))!, Linq.Count(filtered, field.TargetType)));
        var selector = Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRows)), bindings), p);

        var set = (IQueryable)Set(db, parent.ClrType);
        var keys = parentKeys.ToList();
        var keyFilter = Expression.Lambda(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)],
            Filtering.FilterTranslator.Parameter(keys, typeof(List<int>)), Expression.Property(p, parent.Key)), p);
        var query = Linq.Select(Linq.Where(set.Expression, parent.ClrType, keyFilter), parent.ClrType, selector);
        var results = await set.Provider.CreateQuery<NestedRows>(query).ToListAsync(cancellationToken);
        return results.ToDictionary(r => r.ParentKey, r => Shape(request, r.Rows, request.WantsTotal ? r.Total : null, services.Cursors));
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
