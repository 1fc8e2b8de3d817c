using GraphQL.Types;

namespace ProductionReform.Api.Features.Search;

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
