using GraphQL.Types;
using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Changes;

public sealed class ChangeEventEdgeType : ObjectGraphType<Edge>
{
    public ChangeEventEdgeType()
    {
        Name = "ChangeEventsEdge";
        Description = "One change event with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass to `since` to read the events after this one.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ChangeEventType>>("node").Description("The change event.").Resolve(c => c.Source.Node);
    }
}
