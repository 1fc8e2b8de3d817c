using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Interchange.Import;

/// <summary>
/// How one entity list is imported: its columns, which are the declared fields of the entity as the CSV export writes
/// them (ids and versions ignored, relations by label or global id), the declared natural key that finds an existing
/// record, and the type's other unique keys, which must not collide. Types, lengths and keys are read from the EF model;
/// the declared checks of writable fields apply as they do to mutations.
/// </summary>
public sealed class ImportDefinition
{
    private readonly Dictionary<string, ImportColumn> _byName;

    internal ImportDefinition(EntityModel model, IEntityType entityType, ModelRegistry models)
    {
        ListName = model.ListName;
        TypeName = model.Name;
        EntityType = entityType;
        var columns = new List<ImportColumn>();
        foreach (var column in FileColumn.Of(model))
        {
            switch (column.Field)
            {
                case ScalarField field when entityType.FindProperty(field.Property.Name) is { IsConcurrencyToken: false } property:
                    columns.Add(new ValueColumn(column.Name, property, field.Write?.Checks ?? []));
                    break;
                case ReferenceField reference:
                    var navigation = entityType.FindNavigation(reference.Property.Name)!;
                    // A to-one relation held by the other side (an enterprise's pilot enrollment) is exported but not set here.
                    columns.Add(navigation.IsOnDependent && navigation.ForeignKey.Properties.Count == 1
                        ? new RelationColumn(column.Name, navigation, LabelsOf(models[reference.TargetType], navigation.TargetEntityType))
                        : new IgnoredColumn(column.Name));
                    break;
                default:
                    columns.Add(new IgnoredColumn(column.Name));
                    break;
            }
        }
        Columns = columns;
        _byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

        ImportColumn ColumnOf(IReadOnlyProperty property) =>
            columns.FirstOrDefault(c => c is ValueColumn v && v.Property == property
                                        || c is RelationColumn r && r.Navigation.ForeignKey.Properties[0] == property)
            ?? throw new InvalidOperationException($"{ListName}: the unique key property {property.Name} is not an import column.");

        var keys = new List<ImportKey>();
        var declared = model.NaturalKey.Select(f => Find(f.Name) ?? throw new InvalidOperationException(
            $"{ListName}: the natural key names '{f.Name}', which is not an import column.")).ToArray();
        var uniqueIndexes = entityType.GetIndexes().Where(i => i.IsUnique).ToList();
        var natural = uniqueIndexes.FirstOrDefault(i => i.Properties.Select(ColumnOf).SequenceEqual(declared))
            ?? throw new InvalidOperationException(
                $"{ListName}: no unique index backs the natural key ({string.Join(", ", declared.Select(c => c.Name))}).");
        keys.Add(new ImportKey(declared, natural.GetAreNullsDistinct() != false));
        foreach (var index in uniqueIndexes.Where(i => i != natural))
            keys.Add(new ImportKey(index.Properties.Select(ColumnOf).ToArray(), index.GetAreNullsDistinct() != false));
        Keys = keys;
        Labels = LabelsOf(model, entityType);
    }

    /// <summary>The root list name: <c>enterprises</c>, <c>indicatorValues</c>…</summary>
    public string ListName { get; }

    public IEntityType EntityType { get; }

    /// <summary>The type's name as its global ids and messages name it (<c>Enterprise</c>).</summary>
    public string TypeName { get; }

    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The natural key first, then the type's other unique keys.</summary>
    public IReadOnlyList<ImportKey> Keys { get; }

    public ImportKey NaturalKey => Keys[0];

    /// <summary>The labels a relation to this type is written as, in order (see <see cref="EntityModel.Labels"/>).</summary>
    public IReadOnlyList<ImportLabel> Labels { get; }

    public ImportColumn? Find(string column) => _byName.GetValueOrDefault(column);

    private static ImportLabel[] LabelsOf(EntityModel model, IEntityType entityType) =>
        [.. model.Labels.Select(f => new ImportLabel(f.Name, entityType.FindProperty(f.Property.Name)!))];

    internal static Func<object, object?> Getter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object));
        return Expression.Lambda<Func<object, object?>>(
            Expression.Convert(Expression.Property(Expression.Convert(entity, property.DeclaringType!), property), typeof(object)),
            entity).Compile();
    }

    internal static Action<object, object?> Setter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        return Expression.Lambda<Action<object, object?>>(
            Expression.Assign(Expression.Property(Expression.Convert(entity, property.DeclaringType!), property),
                Expression.Convert(value, property.PropertyType)), entity, value).Compile();
    }
}
