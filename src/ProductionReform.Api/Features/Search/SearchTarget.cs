using ProductionReform.Data;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Features.Search;

/// <summary>
/// One value of <c>SearchableType</c>: an entity declared <c>SearchedAs</c> and the text columns it declared
/// <c>Searchable</c>. They drive both the enum and the SQL.
/// </summary>
public sealed record SearchTarget(string Value, EntityModel Model, string Description, IReadOnlyList<SearchColumn> Columns)
{
    /// <summary>Every searchable entity of the schema, in the schema's order.</summary>
    public static IReadOnlyList<SearchTarget> Of(ModelRegistry models) =>
        [.. models.All.Where(m => m.SearchSubject is not null).Select(From)];

    private static SearchTarget From(EntityModel model)
    {
        var columns = model.SearchedFields.Select(f => new SearchColumn(f.Property.Name, f.Name, f.SearchWeight!.Value)).ToList();
        var description = $"{model.SearchSubject}: {string.Join(", ", columns.Select(c => c.Field))}.";
        return new SearchTarget(EnumNames.ToScreamingSnake(model.Name), model, description, columns);
    }
}
