using GraphQL.Types;
using static ProductionReform.Api.Features.Linkages.LinkFieldTypes;

namespace ProductionReform.Api.Features.Linkages;

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
            "Citations 引用 that state both ends of the relation: the evidence for it; " +
            "empty for records without sources (such as sample firms).",
            source => ((LinkEdge)source).Sources));
    }
}
