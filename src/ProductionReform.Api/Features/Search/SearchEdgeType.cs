using GraphQL.Types;
using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Search;

/// <summary><c>type SearchEdge { cursor: String! node: SearchHit! }</c>.</summary>
public sealed class SearchEdgeType : ObjectGraphType<Edge>
{
    public SearchEdgeType(SearchHitType hit)
    {
        Name = "SearchEdge";
        Description = "One search hit in a connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Pass to after to page from here.")
            .Resolve(context => context.Source.Cursor);
        Field("node", new NonNullGraphType(hit)).Description("The hit.").Resolve(context => context.Source.Node);
    }
}
