using GraphQL.Resolvers;
using GraphQL.Types;

namespace ProductionReform.Api.Features.Search;

/// <summary><c>type SearchHit { score: Float! node: Node! matchedField: String }</c>.</summary>
public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "A search hit 搜索结果: a record whose names, titles or descriptions match the text.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Relevance 相关度, higher first: exact match 4–5, prefix 3–4, substring 2–3, " +
                "similar spelling (trigram) below 1.")
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
