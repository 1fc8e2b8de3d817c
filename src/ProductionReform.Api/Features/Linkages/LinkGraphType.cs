using GraphQL.Types;
using static ProductionReform.Api.Features.Linkages.LinkFieldTypes;

namespace ProductionReform.Api.Features.Linkages;

public sealed class LinkGraphType : ObjectGraphType<LinkGraph>
{
    public LinkGraphType()
    {
        Name = "LinkGraph";
        Description = "The records around a start record and the relations among them 关联图; " +
            "nodes and edges drop into graph libraries such as Cytoscape.js or ECharts.";
        AddField(ListOf("Node", "nodes", "Records reached, nearest first, the start record first.", source => ((LinkGraph)source).Nodes));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkEdgeType>>>>("edges")
            .Description("Relations among the records reached.")
            .Resolve(c => c.Source.Edges);
        Field(x => x.Truncated).Description("True when the node budget (`first`) cut the walk short.");
    }
}
