using GraphQL.Types;
using ProductionReform.Domain;
using static ProductionReform.Api.Features.Linkages.LinkFieldTypes;

namespace ProductionReform.Api.Features.Linkages;

public sealed class LinkKindGraphType : EnumerationGraphType<LinkKind>
{
    public LinkKindGraphType()
    {
        Name = "LinkKind";
        Description = "A kind of relation between registry records 关联类型.";
    }
}

/// <summary>An edge as the schema shows it: global ids of both ends and the citations stating it.</summary>
public sealed record LinkEdge(string From, string To, LinkKind Kind, IReadOnlyList<object> Sources);

public sealed record LinkGraph(IReadOnlyList<object> Nodes, IReadOnlyList<LinkEdge> Edges, bool Truncated);

public sealed record LinkPath(int Length, IReadOnlyList<object> Nodes, IReadOnlyList<LinkEdge> Edges);

public sealed class LinkEdgeType : ObjectGraphType<LinkEdge>
{
    public LinkEdgeType()
    {
        Name = "LinkEdge";
        Description = "A relation between two records 关联, directed as the relation reads (enterprise HOSTS studio).";
        Field(x => x.From, type: typeof(NonNullGraphType<IdGraphType>)).Description("Global id of the record the relation starts from.");
        Field(x => x.To, type: typeof(NonNullGraphType<IdGraphType>)).Description("Global id of the record the relation points to.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<LinkKindGraphType>)).Description("Kind of relation.");
        AddField(ListOf("Citation", "sources",
            "Citations 引用 that state both ends of the relation: the evidence for it; empty for records without sources (such as sample firms).",
            source => ((LinkEdge)source).Sources));
    }
}

public sealed class LinkGraphType : ObjectGraphType<LinkGraph>
{
    public LinkGraphType()
    {
        Name = "LinkGraph";
        Description = "The records around a start record and the relations among them 关联图; nodes and edges drop into graph libraries such as Cytoscape.js or ECharts.";
        AddField(ListOf("Node", "nodes", "Records reached, nearest first, the start record first.", source => ((LinkGraph)source).Nodes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkEdgeType>>>>("edges").Description("Relations among the records reached.").Resolve(c => c.Source.Edges);
        Field(x => x.Truncated).Description("True when the node budget (`first`) cut the walk short.");
    }
}

public sealed class LinkPathType : ObjectGraphType<LinkPath>
{
    public LinkPathType()
    {
        Name = "LinkPath";
        Description = "A chain of relations from one record to another 关联路径.";
        Field(x => x.Length).Description("Number of relations in the path.");
        AddField(ListOf("Node", "nodes", "Records along the path, from start to end.", source => ((LinkPath)source).Nodes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkEdgeType>>>>("edges").Description("Relations along the path, in order.").Resolve(c => c.Source.Edges);
    }
}

internal static class LinkFieldTypes
{
    /// <summary>A non-null list of a type named by reference (Node, Citation), which the data layer registers.</summary>
    public static FieldType ListOf(string typeName, string name, string description, Func<object, object?> read) => new()
    {
        Name = name,
        Description = description,
        ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(typeName)))),
        Resolver = new global::GraphQL.Resolvers.FuncFieldResolver<object?>(context => read(context.Source!)),
    };
}
