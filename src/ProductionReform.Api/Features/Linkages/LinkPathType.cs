using GraphQL.Types;
using static ProductionReform.Api.Features.Linkages.LinkFieldTypes;

namespace ProductionReform.Api.Features.Linkages;

public sealed class LinkPathType : ObjectGraphType<LinkPath>
{
    public LinkPathType()
    {
        Name = "LinkPath";
        Description = "A chain of relations from one record to another 关联路径.";
        Field(x => x.Length).Description("Number of relations in the path.");
        AddField(ListOf("Node", "nodes", "Records along the path, from start to end.", source => ((LinkPath)source).Nodes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkEdgeType>>>>("edges")
            .Description("Relations along the path, in order.")
            .Resolve(c => c.Source.Edges);
    }
}
