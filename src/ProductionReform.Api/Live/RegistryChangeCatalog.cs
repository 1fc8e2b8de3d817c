using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data.Changes;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Live;

/// <summary>
/// Reads the database's change log in the schema's terms: a logged table is the root list of its entity
/// (<c>enterprises</c>), and a logged column is the field that shows it — a scalar by its property, a foreign key by
/// its relation (<c>industry_id</c> → <c>industry</c>), a link table by its many-to-many field
/// (<c>citation_enterprise</c> → <c>sources</c>). Both sides come from the models, so nothing here names a table.
/// </summary>
public sealed class RegistryChangeCatalog
{
    private readonly Dictionary<string, EntityModel> _byTable = [];
    private readonly Dictionary<string, string> _tableByList = [];
    private readonly Dictionary<(string Table, string Column), string> _fields = [];

    public RegistryChangeCatalog(ModelRegistry models, IModel database)
    {
        var logged = ChangeCapture.Tables(database).Where(t => !t.IsLink).Select(t => t.Name).ToHashSet();
        foreach (var model in models.All)
        {
            if (database.FindEntityType(model.ClrType) is not { } entity || entity.GetTableName() is not { } table) continue;
            if (!logged.Contains(table)) continue;
            _byTable[table] = model;
            _tableByList[model.ListName] = table;
            foreach (var field in model.Fields)
            {
                foreach (var column in ColumnsOf(entity, field.Property.Name))
                    _fields.TryAdd((table, column), field.Name);
            }
        }
    }

    /// <summary>The root lists whose changes the log records, in order.</summary>
    public IReadOnlyList<string> ListNames => [.. _tableByList.Keys.Order(StringComparer.Ordinal)];

    public EntityModel? ModelOf(string table) => _byTable.GetValueOrDefault(table);

    public string? TableOf(string listName) => _tableByList.GetValueOrDefault(listName);

    /// <summary>The schema fields of the changed columns; columns no field shows (a hidden column) are left out.</summary>
    public IReadOnlyList<string> FieldsOf(string table, IEnumerable<string> columns) =>
        [.. columns.Select(column => _fields.GetValueOrDefault((table, column))).OfType<string>().Distinct()];

    private static IEnumerable<string> ColumnsOf(IEntityType entity, string propertyName)
    {
        if (entity.FindProperty(propertyName) is { } property) return [property.GetColumnName()];
        if (entity.FindNavigation(propertyName) is { } navigation)
            return navigation.IsOnDependent ? navigation.ForeignKey.Properties.Select(p => p.GetColumnName()) : [];
        if (entity.FindSkipNavigation(propertyName) is { JoinEntityType: var join } && join.GetTableName() is { } link)
            return [link];
        return [];
    }
}
