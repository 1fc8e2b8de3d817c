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
