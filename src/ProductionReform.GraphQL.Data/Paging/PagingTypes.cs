using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Aggregation;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>The Relay connection and collection segment output types.</summary>
internal static class PagingTypes
{
    private const string CountedDescription = "The number of rows matching `where`, over all pages (counted only when selected).";

    private const string AggregateDescription =
        "Statistics of the rows matching `where`, over all pages: count, sum/avg/min/max and groups, as the root " +
        "`<plural>Aggregate` field gives them; nested, one statement per aggregate field for all parents.";

    public static ObjectGraphType PageInfo()
    {
        var type = new ObjectGraphType { Name = "PageInfo", Description = "Where a page of a connection lies in the whole list." };
        Add<PageInfo>(type, "hasNextPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasNextPage,
            "More rows follow this page.");
        Add<PageInfo>(type, "hasPreviousPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasPreviousPage,
            "Rows come before this page.");
        Add<PageInfo>(type, "startCursor", typeof(StringGraphType), p => p.StartCursor, "The cursor of the first edge.");
        Add<PageInfo>(type, "endCursor", typeof(StringGraphType), p => p.EndCursor, "The cursor of the last edge.");
        return type;
    }

    public static ObjectGraphType SegmentInfo()
    {
        var type = new ObjectGraphType
        {
            Name = "CollectionSegmentInfo", Description = "Where a page of a collection segment lies in the whole list."
        };
        Add<CollectionSegmentInfo>(type, "hasNextPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasNextPage,
            "More rows follow this page.");
        Add<CollectionSegmentInfo>(type, "hasPreviousPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasPreviousPage,
            "Rows come before this page.");
        return type;
    }

    public static ObjectGraphType Edge(EntityModel model)
    {
        var type = new ObjectGraphType { Name = model.EdgeName, Description = $"One {model.Name} in a connection, with its cursor." };
        Add<Edge>(type, "cursor", typeof(NonNullGraphType<StringGraphType>), e => e.Cursor, "Pass to after/before to page from here.");
        Add<Edge>(type, "node", new NonNullGraphType(new GraphQLTypeReference(model.Name)), e => e.Node, $"The {model.Name}.");
        return type;
    }

    public static ObjectGraphType Connection(EntityModel model)
    {
        var type = new ObjectGraphType
        {
            Name = model.ConnectionName, Description = $"A page of {model.PluralName} (Relay cursor connection)."
        };
        Add<Connection>(type, "pageInfo", new NonNullGraphType(new GraphQLTypeReference("PageInfo")), c => c.PageInfo,
            "Paging information.");
        Add<Connection>(type, "edges", ListOf(model.EdgeName), c => c.Edges, "The rows with their cursors.");
        Add<Connection>(type, "nodes", ListOf(model.Name), c => c.Edges.Select(e => e.Node), "The rows.");
        Add<Connection>(type, "totalCount", typeof(NonNullGraphType<IntGraphType>), c => c.TotalCount, CountedDescription);
        Add<Connection>(type, "aggregate", AggregateOf(model), c => c.Aggregate, AggregateDescription);
        return type;
    }

    public static ObjectGraphType Segment(EntityModel model)
    {
        var type = new ObjectGraphType
        {
            Name = model.SegmentName, Description = $"A page of {model.PluralName} by offset (collection segment)."
        };
        Add<CollectionSegment>(type, "items", ListOf(model.Name), s => s.Items, "The rows.");
        Add<CollectionSegment>(type, "pageInfo", new NonNullGraphType(new GraphQLTypeReference("CollectionSegmentInfo")), s => s.PageInfo,
            "Paging information.");
        Add<CollectionSegment>(type, "totalCount", typeof(NonNullGraphType<IntGraphType>), s => s.TotalCount, CountedDescription);
        Add<CollectionSegment>(type, "aggregate", AggregateOf(model), s => s.Aggregate, AggregateDescription);
        return type;
    }

    private static NonNullGraphType AggregateOf(EntityModel model) =>
        new(new GraphQLTypeReference(AggregateModel.AggregateTypeName(model)));

    /// <summary><c>[name!]</c>, naming a type the schema builds elsewhere.</summary>
    private static ListGraphType ListOf(string typeName) => new(new NonNullGraphType(new GraphQLTypeReference(typeName)));

    private static void Add<TSource>(ObjectGraphType type, string name, Type graphType, Func<TSource, object?> read, string description) =>
        type.AddField(new FieldType { Name = name, Type = graphType, Resolver = Resolve(read), Description = description });

    private static void Add<TSource>(
        ObjectGraphType type, string name, IGraphType resolvedType, Func<TSource, object?> read, string description) =>
        type.AddField(new FieldType { Name = name, ResolvedType = resolvedType, Resolver = Resolve(read), Description = description });

    private static IFieldResolver Resolve<TSource>(Func<TSource, object?> read) =>
        new FuncFieldResolver<object?>(context => read((TSource)context.Source!));
}
