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
/// Runs a <see cref="ListRequest"/>: one statement for the page, with a selected totalCount inside it; the connection's
/// <c>aggregate</c> reads the same <c>where</c> when its fields are resolved.
/// </summary>
internal static class ListQuery
{
    public static async Task<object> RootAsync(DbContext db, ListRequest request, DataServices services,
        CancellationToken cancellationToken)
    {
        List<ProjectedRow> rows = [];
        int? total = null;
        var plan = request.Plan;
        if (request.ReadsRows && request.WantsTotal)
        {
            var counted = await RootReadAsync<CountedRow>(db, request, "counted rows",
                source => QueryKernel.CountedRows(source, plan), cancellationToken);
            rows = counted.ConvertAll(r => r.Row);
            // An empty first page means the filter keeps nothing; past a cursor or an offset the count is read alone.
            total = counted.Count > 0 ? counted[0].Total
                : request.Cursor is null && request.Skip == 0 ? 0
                : await QueryKernel.CountAsync(db, plan, cancellationToken);
        }
        else if (request.ReadsRows)
            rows = await RootReadAsync<ProjectedRow>(db, request, "rows", source => QueryKernel.Rows(source, plan), cancellationToken);
        else if (request.WantsTotal) total = await QueryKernel.CountAsync(db, plan, cancellationToken);
        var aggregate = request.WantsAggregate ? new AggregateSource(request.Model, request.Filter, db) { Services = services } : null;
        return Shape(request, rows, total, services.Cursors, aggregate);
    }

    /// <summary>The rows <paramref name="query"/> reads over the entity set: compiled once when the request is kept.</summary>
    private static async Task<List<T>> RootReadAsync<T>(DbContext db, ListRequest request, string read,
        Func<Expression, Expression> query, CancellationToken cancellationToken)
    {
        var model = request.Plan.Model;
        if (request.Compiled is { } compiled && await compiled.ListAsync<T>(read, db,
                (context, _) => query(QueryKernel.SetOf(context, model)), null, cancellationToken) is { } rows)
            return rows;
        var source = QueryKernel.Source(db, request.Plan);
        return await source.Provider.CreateQuery<T>(query(source.Expression)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The rows of a to-many relation for many parents in one statement: the parents by key, each with its filtered,
    /// ordered, limited children. Without totalCount each parent joins laterally to its page
    /// (<c>CROSS JOIN LATERAL (… LIMIT n)</c>: a page per parent read through the foreign-key index); with it, each
    /// parent is counted first (<see cref="CountedParents"/>) and its page is read as a collection (<c>LEFT JOIN LATERAL</c>).
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

        var read = $"{scope.Parent.Name}.{scope.Field.Name}"; // a field node of an interface's selection may serve several parents
        // The lateral page builds each row's sort-key array in SQL, which needs keys of one type (the default order, by id).
        if (request.WantsTotal || request.Order.Select(k => k.Type).Distinct().Count() > 1)
        {
            var loaded = await NestedReadAsync<NestedRows>(db, scope, request, read,
                (parents, context) => ListsOf(parents, context, scope, request, services), cancellationToken);
            return loaded.ToDictionary(r => r.ParentKey,
                r => shape(r.ParentKey, r.Rows.ConvertAll(n => n.Row), request.WantsTotal ? r.Total : null));
        }

        var rows = (await NestedReadAsync<NestedRow>(db, scope, request, read, (parents, _) => RowsOf(parents, scope, request),
                cancellationToken))
            .ToLookup(r => r.ParentKey, r => r.Row);
        // A lateral join emits each parent's rows in the page's order; a parent without rows still gets its (empty) page.
        return scope.ParentKeys.ToDictionary(key => key, key => shape(key, rows[key].ToList(), null));
    }

    /// <summary>Each parent's page as one collection (<c>LEFT JOIN LATERAL</c>), with its total when asked.</summary>
    private static Expression ListsOf(Expression parents, Expression context, NestedScope scope, ListRequest request,
        DataServices services)
    {
        // With totalCount the rows read are the counted parents (CountedParents), the parent one member of each.
        var parentType = scope.Parent.ClrType;
        var row = Expression.Parameter(request.WantsTotal ? typeof(CountedParent<>).MakeGenericType(parentType) : parentType, "p");
        var of = request.WantsTotal ? Expression.Property(row, nameof(CountedParent<object>.Parent)) : (Expression)row;
        var key = scope.KeyOf(of);
        var children = scope.Children(of);
        List<MemberBinding> bindings = [Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.ParentKey))!, key)];
        if (request.WantsTotal)
        {
            bindings.Add(Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Total))!,
                Expression.Property(row, nameof(CountedParent<object>.Total))));
            // A parent kept at no rows reads no page (PostgreSQL's one-time filter): ordered other than by the
            // parent key's index, its page would walk another index past every other parent's rows to find none.
            if (KeptCountOf(context, scope, request.Plan, services, of) is { } kept)
            {
                var child = Expression.Parameter(request.Model.ClrType, "child");
                children = Linq.Where(children, child.Type, Expression.Lambda(Expression.GreaterThan(kept, Expression.Constant(0)), child));
            }
        }
        bindings.Add(Expression.Bind(typeof(NestedRows).GetProperty(nameof(NestedRows.Rows))!,
            Linq.ToList(PageOf(children, request.Plan, key), typeof(NestedRow))));
        return Linq.Select(request.WantsTotal ? CountedParents(parents, context, scope, request.Plan, services) : parents, row.Type,
            Expression.Lambda(Expression.MemberInit(Expression.New(typeof(NestedRows)), bindings), row));
    }

    /// <summary>Each parent's page as rows (<c>CROSS JOIN LATERAL</c>).</summary>
    private static Expression RowsOf(Expression parents, NestedScope scope, ListRequest request)
    {
        var p = Expression.Parameter(scope.Parent.ClrType, "p");
        var page = Linq.SequenceSelector(PageOf(scope.Children(p), request.Plan, scope.KeyOf(p)), typeof(NestedRow), p);
        return Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany), [p.Type, typeof(NestedRow)], parents,
            Expression.Quote(page));
    }

    /// <summary>
    /// The rows <paramref name="query"/> reads over the parents in scope and the query's context (a <c>DbContext</c>
    /// expression): compiled once when the request is kept.
    /// </summary>
    private static async Task<List<T>> NestedReadAsync<T>(DbContext db, NestedScope scope, ListRequest request, string read,
        Func<Expression, Expression, Expression> query, CancellationToken cancellationToken)
    {
        if (request.Compiled is { } compiled && await compiled.ListAsync<T>(read, db,
                (context, keys) => query(scope.Parents(QueryKernel.SetOf(context, scope.Parent), keys), context),
                [.. scope.ParentKeys], cancellationToken) is { } rows)
            return rows;
        var set = QueryKernel.Set(db, scope.Parent);
        return await set.Provider.CreateQuery<T>(query(scope.Parents(set), Expression.Constant(db, typeof(DbContext))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One parent's page, each row tagged with the parent's key inside the page's subquery. The outer reference keeps it
    /// a lateral subquery (<c>LATERAL (… LIMIT n)</c>, read through the foreign-key index): a page that names only its own
    /// columns is decorrelated by EF Core into <c>ROW_NUMBER() OVER (PARTITION BY fk)</c> over the whole child table.
    /// </summary>
    private static Expression PageOf(Expression children, QueryPlan plan, Expression parentKey)
    {
        var row = Expression.Parameter(typeof(ProjectedRow), "row");
        return Linq.Select(QueryKernel.Rows(children, plan), typeof(ProjectedRow), Expression.Lambda(
            Expression.MemberInit(Expression.New(typeof(NestedRow)),
                Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.ParentKey))!, parentKey),
                Expression.Bind(typeof(NestedRow).GetProperty(nameof(NestedRow.Row))!, row)), row));
    }

    /// <summary>
    /// The parents, each with its count (<c>SELECT p.*, (SELECT count(*) … WHERE fk = p.id) … LIMIT n</c>, or the count
    /// the database keeps: <see cref="KeptCountOf"/>) in a subquery of their own, which the pages then join laterally:
    /// PostgreSQL counts once per parent, with a plain aggregate over the foreign-key index. A count in the outer SELECT
    /// list would run once per row of the pages; a lateral count grouped by the parent's key cost PostgreSQL half as much
    /// again (group-key checks on every counted row); grouped over all parents at once, it hashed the whole child table.
    /// </summary>
    private static Expression CountedParents(Expression parents, Expression context, NestedScope scope, QueryPlan plan,
        DataServices services)
    {
        var p = Expression.Parameter(scope.Parent.ClrType, "p");
        var countedType = typeof(CountedParent<>).MakeGenericType(scope.Parent.ClrType);
        var counted = Linq.Select(parents, scope.Parent.ClrType, Expression.Lambda(Expression.MemberInit(Expression.New(countedType),
            Expression.Bind(countedType.GetProperty(nameof(CountedParent<object>.Parent))!, p),
            Expression.Bind(countedType.GetProperty(nameof(CountedParent<object>.Total))!,
                KeptCountOf(context, scope, plan, services, p)
                    ?? Linq.Count(QueryKernel.Where(scope.Children(p), plan), plan.Model.ClrType))),
            p));
        // A limit keeps the counted parents a subquery (PostgreSQL does not flatten a subquery with LIMIT); without one
        // EF Core would inline the count into the outer SELECT. Any limit does: the keys already bound the rows.
        var row = Expression.Parameter(countedType, "counted");
        var ordered = Linq.Order(counted, countedType,
            Expression.Lambda(scope.KeyOf(Expression.Property(row, nameof(CountedParent<object>.Parent))), row), false, true);
        return Linq.Take(ordered, countedType, int.MaxValue);
    }

    /// <summary>The count of a parent's rows the database keeps, when the list has no filter and the count is kept.</summary>
    private static Expression? KeptCountOf(Expression context, NestedScope scope, QueryPlan plan, DataServices services,
        Expression parent) =>
        plan.Filter is null && services.KeptCounts is { } kept
            ? kept.CountOf(context, scope.Parent.ClrType, scope.Field.Property, scope.KeyOf(parent))
            : null;

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
