using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Paging;

/// <summary>The Relay connection and collection segment output types.</summary>
internal static class PagingTypes
{
    public static ObjectGraphType PageInfo()
    {
        var type = new ObjectGraphType { Name = "PageInfo", Description = "Where a page of a connection lies in the whole list." };
        Add<PageInfo>(type, "hasNextPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasNextPage, "More rows follow this page.");
        Add<PageInfo>(type, "hasPreviousPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasPreviousPage, "Rows come before this page.");
        Add<PageInfo>(type, "startCursor", typeof(StringGraphType), p => p.StartCursor, "The cursor of the first edge.");
        Add<PageInfo>(type, "endCursor", typeof(StringGraphType), p => p.EndCursor, "The cursor of the last edge.");
        return type;
    }

    public static ObjectGraphType SegmentInfo()
    {
        var type = new ObjectGraphType { Name = "CollectionSegmentInfo", Description = "Where a page of a collection segment lies in the whole list." };
        Add<CollectionSegmentInfo>(type, "hasNextPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasNextPage, "More rows follow this page.");
        Add<CollectionSegmentInfo>(type, "hasPreviousPage", typeof(NonNullGraphType<BooleanGraphType>), p => p.HasPreviousPage, "Rows come before this page.");
        return type;
    }

    public static ObjectGraphType Edge(EntityModel model)
    {
        var type = new ObjectGraphType { Name = model.EdgeName, Description = $"One {model.Name} in a connection, with its cursor." };
        Add<Edge>(type, "cursor", typeof(NonNullGraphType<StringGraphType>), e => e.Cursor, "Pass to after/before to page from here.");
        type.AddField(new FieldType { Name = "node", ResolvedType = new NonNullGraphType(new GraphQLTypeReference(model.Name)), Resolver = Resolve<Edge>(e => e.Node), Description = $"The {model.Name}." });
        return type;
    }

    public static ObjectGraphType Connection(EntityModel model)
    {
        var type = new ObjectGraphType { Name = model.ConnectionName, Description = $"A page of {model.PluralName} (Relay cursor connection)." };
        type.AddField(new FieldType { Name = "pageInfo", ResolvedType = new NonNullGraphType(new GraphQLTypeReference("PageInfo")), Resolver = Resolve<Connection>(c => c.PageInfo), Description = "Paging information." });
        type.AddField(new FieldType { Name = "edges", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.EdgeName))), Resolver = Resolve<Connection>(c => c.Edges), Description = "The rows with their cursors." });
        type.AddField(new FieldType { Name = "nodes", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.Name))), Resolver = Resolve<Connection>(c => c.Edges.Select(e => e.Node)), Description = "The rows." });
        Add<Connection>(type, "totalCount", typeof(NonNullGraphType<IntGraphType>), c => c.TotalCount, "The number of rows matching `where`, over all pages (counted only when selected).");
        return type;
    }

    public static ObjectGraphType Segment(EntityModel model)
    {
        var type = new ObjectGraphType { Name = model.SegmentName, Description = $"A page of {model.PluralName} by offset (collection segment)." };
        type.AddField(new FieldType { Name = "items", ResolvedType = new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(model.Name))), Resolver = Resolve<CollectionSegment>(s => s.Items), Description = "The rows." });
        type.AddField(new FieldType { Name = "pageInfo", ResolvedType = new NonNullGraphType(new GraphQLTypeReference("CollectionSegmentInfo")), Resolver = Resolve<CollectionSegment>(s => s.PageInfo), Description = "Paging information." });
        Add<CollectionSegment>(type, "totalCount", typeof(NonNullGraphType<IntGraphType>), s => s.TotalCount, "The number of rows matching `where`, over all pages (counted only when selected).");
        return type;
    }

    private static void Add<TSource>(ObjectGraphType type, string name, Type graphType, Func<TSource, object?> read, string description) =>
        type.AddField(new FieldType { Name = name, Type = graphType, Resolver = Resolve(read), Description = description });

    private static IFieldResolver Resolve<TSource>(Func<TSource, object?> read) =>
        new FuncFieldResolver<object?>(context => read((TSource)context.Source!));
}
