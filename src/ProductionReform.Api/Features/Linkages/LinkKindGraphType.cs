using GraphQL.Types;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Linkages;

public sealed class LinkKindGraphType : EnumerationGraphType<LinkKind>
{
    public LinkKindGraphType()
    {
        Name = "LinkKind";
        Description = "A kind of relation between registry records 关联类型.";
    }
}
