using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductionReform.Data.Linkages;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Execution;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Projection;

namespace ProductionReform.Api.Features.Linkages;

/// <summary>
/// <c>linkages</c> and <c>paths</c>: how enterprises, standards, studios, regions, policies and indicators
/// connect, and on what evidence. Walks run in PostgreSQL (<see cref="LinkGraphQuery"/>); the records
/// and citations shown are then loaded projected, one statement per type.
/// </summary>
public static class LinkageFields
{
    public const int MaxDepth = 4;
    public const int DefaultNodeBudget = 100;
    public const int MaxNodeBudget = 500;
    public const int DefaultPaths = 5;
    public const int MaxPaths = 50;

    public static void AddTo(ObjectGraphType query, NodeLoader nodes)
    {
        query.AddField(new FieldType
        {
            Name = "linkages",
            Description = "The records within `depth` relations of a record, and the relations among them, each with its citations 关联.",
            ResolvedType = new NonNullGraphType(new LinkGraphType()),
            Arguments = new QueryArguments(
                new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "from", Description = "Global id of the start record." },
                new QueryArgument<IntGraphType>
                {
                    Name = "depth", DefaultValue = 1, Description = $"How many relations away to walk (0–{MaxDepth})."
                },
                new QueryArgument<ListGraphType<NonNullGraphType<LinkKindGraphType>>>
                {
                    Name = "kinds", Description = "Follow only these kinds of relation (default: all)."
                },
                new QueryArgument<IntGraphType>
                {
                    Name = "first",
                    Description = $"Node budget: the most records to return (default {DefaultNodeBudget}, maximum {MaxNodeBudget})."
                }),
            Resolver = new FuncFieldResolver<object>(async context => await LinkagesAsync(context, nodes)),
        });
        query.AddField(new FieldType
        {
            Name = "paths",
            Description = "Chains of relations between two records, shortest first 关联路径.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new LinkPathType()))),
            Arguments = new QueryArguments(
                new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "from", Description = "Global id of the start record." },
                new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "to", Description = "Global id of the end record." },
                new QueryArgument<IntGraphType>
                {
                    Name = "maxLength", DefaultValue = MaxDepth, Description = $"The longest path to consider (1–{MaxDepth})."
                },
                new QueryArgument<ListGraphType<NonNullGraphType<LinkKindGraphType>>>
                {
                    Name = "kinds", Description = "Follow only these kinds of relation (default: all)."
                },
                new QueryArgument<IntGraphType>
                {
                    Name = "first", Description = $"The most paths to return (default {DefaultPaths}, maximum {MaxPaths})."
                }),
            Resolver = new FuncFieldResolver<object>(async context => await PathsAsync(context, nodes)),
        });
    }

    private static async Task<LinkGraph> LinkagesAsync(IResolveFieldContext context, NodeLoader nodes)
    {
        var start = Node(context.GetArgument<string>("from"), nodes.Models);
        var depth = Bounded(context.GetArgument<int>("depth"), 0, MaxDepth, "depth", "maxLinkDepth");
        var budget = Bounded(context.GetArgument<int?>("first") ?? DefaultNodeBudget, 1, MaxNodeBudget, "first", "maxLinkNodes");
        var kinds = context.GetArgument<List<LinkKind>?>("kinds");

        var query = context.RequestServices!.GetRequiredService<LinkGraphQuery>();
        var reached = await query.ReachAsync(start, depth, kinds, budget + 1, context.CancellationToken);
        var kept = reached.Take(budget).Select(r => r.Node).ToList();
        var edges = await query.EdgesAmongAsync(kept, kinds, context.CancellationToken);

        var (objects, shown) = await LoadAsync(context, nodes, kept, edges);
        return new LinkGraph(
            kept.Where(objects.ContainsKey).Select(n => objects[n]).ToList(), edges.Select(e => shown[e]).ToList(), reached.Count > budget);
    }

    private static async Task<List<LinkPath>> PathsAsync(IResolveFieldContext context, NodeLoader nodes)
    {
        var from = Node(context.GetArgument<string>("from"), nodes.Models);
        var to = Node(context.GetArgument<string>("to"), nodes.Models);
        var maxLength = Bounded(context.GetArgument<int>("maxLength"), 1, MaxDepth, "maxLength", "maxLinkDepth");
        var first = Bounded(context.GetArgument<int?>("first") ?? DefaultPaths, 1, MaxPaths, "first", "maxPaths");
        var kinds = context.GetArgument<List<LinkKind>?>("kinds");

        // Records on a path of length ≤ maxLength are within maxLength of both ends together.
        var query = context.RequestServices!.GetRequiredService<LinkGraphQuery>();
        const int reachLimit = 20_000;
        var fromStart = (await query.ReachAsync(from, maxLength, kinds, reachLimit, context.CancellationToken))
            .ToDictionary(r => r.Node, r => r.Distance);
        var fromEnd = (await query.ReachAsync(to, maxLength, kinds, reachLimit, context.CancellationToken))
            .ToDictionary(r => r.Node, r => r.Distance);
        var candidates = fromStart.Keys.Where(n => fromEnd.TryGetValue(n, out var d) && fromStart[n] + d <= maxLength).ToList();
        if (!candidates.Contains(to)) return [];

        var edges = await query.EdgesAmongAsync(candidates, kinds, context.CancellationToken);
        var found = PathFinder.Find(from, to, maxLength, edges, fromEnd, first);

        var (objects, shown) = await LoadAsync(context, nodes,
            found.SelectMany(p => p.Nodes).Distinct().ToList(), found.SelectMany(p => p.Edges).Distinct().ToList());
        return found
            .Select(path => new LinkPath(
                path.Edges.Count, path.Nodes.Select(n => objects[n]).ToList(), path.Edges.Select(e => shown[e]).ToList()))
            .ToList();
    }

    /// <summary>The records and the citations of the edges, each type in one statement.</summary>
    private static async Task<(Dictionary<NodeRef, object> Objects, Dictionary<LinkEdgeRow, LinkEdge> Edges)> LoadAsync(
        IResolveFieldContext context, NodeLoader nodes, IReadOnlyCollection<NodeRef> refs, IReadOnlyCollection<LinkEdgeRow> edges)
    {
        var selected = Selections(context.FieldAst.SelectionSet, context.Document, "nodes");
        var loaded = await nodes.LoadAsync(context, refs.Select(r => (r.Type, r.Id)), selected);
        var objects = refs.Where(r => loaded.ContainsKey((r.Type, r.Id))).ToDictionary(r => r, r => loaded[(r.Type, r.Id)]);

        var edgeSelections = Selections(context.FieldAst.SelectionSet, context.Document, "edges");
        var sourceSelections = edgeSelections.SelectMany(s => Selections(s, context.Document, "sources")).ToList();
        var citations = sourceSelections.Count == 0
            ? []
            : await nodes.LoadAsync(context, edges.SelectMany(e => e.CitationIds).Select(id => (nameof(Citation), id)), sourceSelections);
        var shown = edges.ToDictionary(e => e, e => new LinkEdge(Id(e.From), Id(e.To), e.Kind,
            e.CitationIds.Select(id => citations.GetValueOrDefault((nameof(Citation), id))).OfType<object>().ToList()));
        return (objects, shown);
    }

    private static IReadOnlyCollection<GraphQLSelectionSet> Selections(GraphQLSelectionSet? set, GraphQLDocument document, string field) =>
        set is null ? [] : SelectionSets.Under([set], document, field);

    private static string Id(NodeRef node) => GlobalId.Encode(node.Type, node.Id);

    private static NodeRef Node(string id, ModelRegistry models)
    {
        var (type, key) = GlobalId.Decode(id);
        if (models.FindByName(type) is null) throw DataError.InvalidId($"'{id}' names no type of this registry.");
        return new NodeRef(type, key);
    }

    private static int Bounded(int value, int minimum, int maximum, string argument, string limit)
    {
        if (value < minimum) throw new DataError("INVALID_ARGUMENT", $"'{argument}' must be at least {minimum}; it is {value}.");
        if (value > maximum) throw DataError.LimitExceeded(limit, maximum, value, $"'{argument}'");
        return value;
    }
}
