using GraphQL.Resolvers;
using GraphQL.Types;
using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Search;

/// <summary>One hit of <c>search</c>: the record, how well it matched and in which field.</summary>
public sealed record SearchHit(double Score, object Node, string? MatchedField);

/// <summary>A page of hits; <see cref="TotalCount"/> is null unless it was selected.</summary>
public sealed record SearchPage(IReadOnlyList<Edge> Edges, PageInfo PageInfo, int? TotalCount);

/// <summary><c>type SearchHit { score: Float! node: Node! matchedField: String }</c>.</summary>
public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A search hit 搜索结果: a record whose names, titles or descriptions match the text.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance 相关度, higher first: exact match 4–5, prefix 3–4, substring 2–3, similar spelling (trigram) below 1.")
            .Resolve(context => context.Source.Score);
        AddField(new FieldType
        {
            Name = "node",
            Description = "The record that matched 匹配的记录.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference("Node")),
            Resolver = new FuncFieldResolver<object>(context => ((SearchHit)context.Source!).Node),
        });
        Field<StringGraphType>("matchedField")
            .Description("The field of the record that matched best 匹配字段, e.g. `name`, `nameEn`, `description`.")
            .Resolve(context => context.Source.MatchedField);
    }
}

/// <summary><c>type SearchEdge { cursor: String! node: SearchHit! }</c>.</summary>
public sealed class SearchEdgeType : ObjectGraphType<Edge>
{
    public SearchEdgeType(SearchHitType hit)
    {
        Name = "SearchEdge";
        Description = "One search hit in a connection, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass to after to page from here.").Resolve(context => context.Source.Cursor);
        Field("node", new NonNullGraphType(hit)).Description("The hit.").Resolve(context => context.Source.Node);
    }
}

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
        Field("edges", new ListGraphType(new NonNullGraphType(edge))).Description("The hits with their cursors.").Resolve(context => context.Source.Edges);
        Field("nodes", new ListGraphType(new NonNullGraphType(hit))).Description("The hits.").Resolve(context => context.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("The number of hits over all pages (counted only when selected).").Resolve(context => context.Source.TotalCount);
    }
}

/// <summary><c>enum SearchableType</c>: one value per <see cref="SearchTarget"/>.</summary>
public sealed class SearchableTypeGraphType : EnumerationGraphType
{
    public SearchableTypeGraphType(IEnumerable<SearchTarget> targets)
    {
        Name = "SearchableType";
        Description = "The kinds of record `search` looks in 可搜索类型, and the fields it searches in each.";
        foreach (var target in targets)
            Add(new EnumValueDefinition(target.Value, target.Value) { Description = target.Description });
    }
}
