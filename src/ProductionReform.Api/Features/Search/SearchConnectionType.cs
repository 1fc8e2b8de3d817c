using GraphQL.Resolvers;
using GraphQL.Types;

namespace ProductionReform.Api.Features.Search;

/// <summary><c>type SearchConnection { pageInfo edges nodes totalCount }</c>, ranked by score.</summary>
public sealed class SearchConnectionType : ObjectGraphType<SearchPage>
{
    public SearchConnectionType(SearchHitType hit, SearchEdgeType edge)
    {
        Name = "SearchConnection";
        Description = "A page of search hits 搜索结果, best first (Relay cursor connection).";
        AddField(new FieldType
        {
            Name = "pageInfo",
            Description = "Paging information.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference("PageInfo")),
            Resolver = new FuncFieldResolver<object>(context => ((SearchPage)context.Source!).PageInfo),
        });
        Field("edges", new ListGraphType(new NonNullGraphType(edge)))
            .Description("The hits with their cursors.")
            .Resolve(context => context.Source.Edges);
        Field("nodes", new ListGraphType(new NonNullGraphType(hit)))
            .Description("The hits.")
            .Resolve(context => context.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("The number of hits over all pages (counted only when selected).")
            .Resolve(context => context.Source.TotalCount);
    }
}
