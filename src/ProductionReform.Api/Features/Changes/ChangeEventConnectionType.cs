using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Changes;

public sealed class ChangeEventConnectionType : ObjectGraphType<Connection>
{
    public ChangeEventConnectionType()
    {
        Name = "ChangeEventsConnection";
        Description = "A page of the change feed, oldest first.";
        AddField(new FieldType
        {
            Name = "pageInfo",
            Description = "Paging information; endCursor is the `since` of the next page.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference("PageInfo")),
            Resolver = new FuncFieldResolver<Connection, object>(c => c.Source.PageInfo),
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeEventEdgeType>>>>("edges")
            .Description("The events with their cursors.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeEventType>>>>("nodes")
            .Description("The events.")
            .Resolve(c => c.Source.Edges.Select(e => e.Node));
    }
}
