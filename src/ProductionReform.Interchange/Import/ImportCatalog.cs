using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Interchange.Import;

/// <summary>The importable lists: every declared entity with a natural key, by its list name.</summary>
public sealed class ImportCatalog
{
    private readonly Dictionary<string, ImportDefinition> _lists = new(StringComparer.Ordinal);

    /// <summary>
    /// The declared entities of <paramref name="models"/>, read against the design-time model of <paramref name="db"/>:
    /// the runtime model drops index details such as NULLS NOT DISTINCT, which matching by key needs.
    /// </summary>
    public ImportCatalog(DbContext db, ModelRegistry models)
    {
        var model = db.GetService<IDesignTimeModel>().Model;
        foreach (var entity in models.All.Where(m => m.NaturalKey.Count > 0))
        {
            var entityType = model.FindEntityType(entity.ClrType)
                ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
            _lists.Add(entity.ListName, new ImportDefinition(entity, entityType, models));
        }
    }

    public IReadOnlyCollection<string> ListNames => _lists.Keys;

    public IEnumerable<ImportDefinition> All => _lists.Values;

    public ImportDefinition? Find(string listName) => _lists.GetValueOrDefault(listName);
}
