using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Finds the text columns that <c>matches</c> can use: those with a pg_trgm GIN index of their own in the store model.</summary>
internal static class TrigramIndexes
{
    private const string Method = "gin";
    private const string Operators = "gin_trgm_ops";

    /// <summary>Marks the text fields of <paramref name="model"/> whose column has a one-column trigram index.</summary>
    /// <param name="store">The EF model with its design-time annotations (index methods and operator classes).</param>
    public static void Mark(EntityModel model, IModel store)
    {
        if (store.FindEntityType(model.ClrType) is not { } entity) return;
        var indexed = entity.GetIndexes()
            .Where(i => i.Properties is [_] && i.GetMethod() == Method && i.GetOperators() is [Operators])
            .Select(i => i.Properties[0].Name)
            .ToHashSet();
        foreach (var field in model.Fields.OfType<ScalarField>().Where(f => ScalarTypes.IsString(f.ValueType)))
            field.IsTrigramIndexed = indexed.Contains(field.Property.Name);
    }
}
