using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;
using ProductionReform.GraphQL.Data.Projection;
using ProductionReform.GraphQL.Data.Querying;
using ProductionReform.GraphQL.Data.Sorting;

namespace ProductionReform.GraphQL.Data.Execution;

/// <summary>
/// One list field's arguments, checked and translated before any SQL runs: the filter, the order (ending
/// with the key), the page window, the projection of the selected fields, and whether totalCount and aggregate are asked.
/// </summary>
internal sealed class ListRequest
{
    // A list field of an operation without variables asks the same each time its cached document runs: its request is
    // translated once and kept with the field's node (translating took 8 % of the API's CPU on a flat page).
    private static readonly ConditionalWeakTable<GraphQLField, ListRequest> Translated = new();

    public required EntityModel Model { get; init; }
    public LambdaExpression? Filter { get; init; }
    public required IReadOnlyList<SortKey> Order { get; init; }
    public required int PageSize { get; init; }

    /// <summary>True for <c>last</c>/<c>before</c>: read the order reversed, then turn the page round.</summary>
    public bool Backward { get; init; }

    /// <summary>The sort-key values of the <c>after</c> or <c>before</c> cursor.</summary>
    public object?[]? Cursor { get; init; }

    public int Skip { get; init; }
    public bool IsSegment { get; init; }
    public required bool WantsTotal { get; init; }

    /// <summary>The connection's <c>aggregate</c> is selected.</summary>
    public required bool WantsAggregate { get; init; }

    /// <summary>False when nothing but <c>aggregate</c> is selected: then no page is read.</summary>
    public required bool ReadsRows { get; init; }
    public required LambdaExpression Rows { get; init; }

    /// <summary>The past rows <c>asOf</c> reads instead of the table; null reads the table.</summary>
    public Func<DbContext, IQueryable>? Source { get; init; }

    /// <summary>The reads compiled once, when the request is kept with its document (<see cref="Of"/>) and reads the table.</summary>
    public CompiledReads? Compiled { get; private set; }

    /// <summary>
    /// The read: the filter, the order reversed when paging backwards, the rows past the cursor, one row more than the
    /// page (it tells whether another page follows) and the projection.
    /// </summary>
    public QueryPlan Plan => field ??= ToPlan();

    private QueryPlan ToPlan()
    {
        var order = Backward ? Order.Select(k => k.Reversed()).ToList() : Order;
        return new QueryPlan(Model)
        {
            Source = Source,
            Filter = Filter,
            Order = order,
            After = Cursor is null ? null : Keyset.After(Model.ClrType, order, Cursor),
            Skip = Skip,
            Take = PageSize + 1,
            Selector = Rows,
        };
    }

    /// <summary>The request of the field <paramref name="context"/> resolves, kept from before when it has no variables.</summary>
    public static ListRequest Of(IResolveFieldContext context, Func<IResolveFieldContext, ListRequest> translate)
    {
        if (context.Operation.Variables is { Items.Count: > 0 }) return translate(context);
        if (Translated.TryGetValue(context.FieldAst, out var known)) return known;
        var request = translate(context);
        if (request.Source is null) request.Compiled = new CompiledReads();
        Translated.AddOrUpdate(context.FieldAst, request);
        return request;
    }

    public static ListRequest FromConnection(IResolveFieldContext context, EntityModel model, DataServices services)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");

        PagingArguments.NotNegative(first, "first");
        PagingArguments.NotNegative(last, "last");
        if (first is not null && last is not null) throw DataError.InvalidPaging("Give 'first' or 'last', not both.");
        if (after is not null && before is not null) throw DataError.InvalidPaging("Give 'after' or 'before', not both.");
        if ((first is not null && before is not null) || (last is not null && after is not null))
            throw DataError.InvalidPaging("Page forwards with 'first' and 'after', or backwards with 'last' and 'before'.");
        var size = PagingArguments.PageSize(first ?? last, first is not null ? "first" : "last", services.Options.DefaultPageSize,
            services.Options.MaxPageSize);

        var backward = last is not null || (before is not null && first is null);
        var order = SortTranslator.Translate(model, services.Models, Raw(context, "order") as IEnumerable<object?>);
        var cursorText = backward ? before : after;
        return new ListRequest
        {
            Model = model,
            Filter = services.Filters.Translate(model, Raw(context, "where") as IDictionary<string, object?>),
            Order = order,
            PageSize = size,
            Backward = backward,
            Cursor = cursorText is null ? null : services.Cursors.Decode(order, cursorText, backward ? "before" : "after"),
            WantsTotal = Selects(context, "totalCount"),
            WantsAggregate = Selects(context, "aggregate"),
            ReadsRows = ReadsRowsOf(context),
            Rows = services.Projections.Rows(model, NodeSelections(context), context.Document, order.Select(k => k.Key)),
            Source = PastSource(context, model, services),
        };
    }

    public static ListRequest FromSegment(IResolveFieldContext context, EntityModel model, DataServices services)
    {
        var skip = context.GetArgument<int?>("skip") ?? 0;
        var take = context.GetArgument<int?>("take");
        PagingArguments.NotNegative(skip, "skip");
        var size = PagingArguments.PageSize(take, "take", services.Options.DefaultPageSize, services.Options.MaxPageSize);
        var order = SortTranslator.Translate(model, services.Models, Raw(context, "order") as IEnumerable<object?>);
        return new ListRequest
        {
            Model = model,
            Filter = services.Filters.Translate(model, Raw(context, "where") as IDictionary<string, object?>),
            Order = order,
            PageSize = size,
            Skip = skip,
            IsSegment = true,
            WantsTotal = Selects(context, "totalCount"),
            WantsAggregate = Selects(context, "aggregate"),
            ReadsRows = ReadsRowsOf(context),
            Rows = services.Projections.Rows(model, NodeSelections(context), context.Document, []),
            Source = PastSource(context, model, services),
        };
    }

    /// <summary>The rows at <c>asOf</c> when it is given, after checking that the past rows answer the request exactly.</summary>
    private static Func<DbContext, IQueryable>? PastSource(IResolveFieldContext context, EntityModel model, DataServices services)
    {
        if (AsOf.Read(context) is not { } instant) return null;
        AsOf.CheckFilter(model, Raw(context, "where") as IDictionary<string, object?>);
        AsOf.CheckOrder(model, Raw(context, "order") as IEnumerable<object?>);
        AsOf.CheckSelection(model, NodeSelections(context), context.Document);
        AsOf.CheckNoAggregate(model, Selects(context, "aggregate"));
        return AsOf.Source(model, instant, services);
    }

    /// <summary>The coerced argument as GraphQL.NET built it: dictionaries and lists, no conversions.</summary>
    private static object? Raw(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    private static Dictionary<string, List<GraphQLField>> Selected(IResolveFieldContext context) =>
        context.FieldAst.SelectionSet is { } set ? SelectionCollector.Collect([set], context.Document, _ => true) : [];

    private static bool Selects(IResolveFieldContext context, string field) => Selected(context).ContainsKey(field);

    private static bool ReadsRowsOf(IResolveFieldContext context) =>
        Selected(context).Keys.Any(field => field is not ("aggregate" or "__typename"));

    /// <summary>What is selected on the entity: under <c>nodes</c>, <c>edges { node }</c> or <c>items</c>.</summary>
    private static IEnumerable<GraphQLSelectionSet> NodeSelections(IResolveFieldContext context)
    {
        var selected = Selected(context);
        var edges = SelectionCollector.Collect(SelectionCollector.Under(selected, "edges"), context.Document, _ => true);
        return SelectionCollector.Under(selected, "nodes")
            .Concat(SelectionCollector.Under(selected, "items"))
            .Concat(SelectionCollector.Under(edges, "node"))
            .ToList();
    }
}
