using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data;
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
            Expression.Convert(Expression.Property(Expression.Convert(entity, property.DeclaringType!), property), typeof(object)), entity).Compile();
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

/// <summary>A column of an import file.</summary>
public abstract class ImportColumn(string name)
{
    public string Name { get; } = name;
    public override string ToString() => Name;
}

/// <summary>A column the export writes that import accepts and ignores: <c>id</c>, <c>version</c>, relations held by the other side.</summary>
public sealed class IgnoredColumn(string name) : ImportColumn(name);

/// <summary>A unique key: its columns, and whether a null in them keeps rows apart (as in SQL) or is a value like any other.</summary>
public sealed class ImportKey(IReadOnlyList<ImportColumn> columns, bool nullsDistinct)
{
    public IReadOnlyList<ImportColumn> Columns { get; } = columns;
    public bool NullsDistinct { get; } = nullsDistinct;
    public override string ToString() => string.Join("+", Columns.Select(c => c.Name));
}

/// <summary>A to-one relation, given as the related record's name, title or code (as the export writes it) or its global id.</summary>
public sealed class RelationColumn : ImportColumn
{
    internal RelationColumn(string name, INavigation navigation, IReadOnlyList<ImportLabel> targetLabels) : base(name)
    {
        Navigation = navigation;
        TargetLabels = targetLabels;
        Target = navigation.TargetEntityType;
        Required = navigation.ForeignKey.IsRequired;
        var foreignKey = navigation.ForeignKey.Properties[0].PropertyInfo!;
        GetForeignKey = ImportDefinition.Getter(foreignKey);
        SetForeignKey = ImportDefinition.Setter(foreignKey);
        SetNavigation = ImportDefinition.Setter(navigation.PropertyInfo!);
    }

    public INavigation Navigation { get; }
    public IEntityType Target { get; }

    /// <summary>The labels the related record may be named by.</summary>
    public IReadOnlyList<ImportLabel> TargetLabels { get; }

    public bool Required { get; }
    internal Func<object, object?> GetForeignKey { get; }
    internal Action<object, object?> SetForeignKey { get; }
    internal Action<object, object?> SetNavigation { get; }
}

/// <summary>A scalar column: parsed from text by the property's type, then checked.</summary>
public sealed class ValueColumn : ImportColumn
{
    private readonly IReadOnlyList<Func<object, (string Code, string Message)?>> _checks;
    private readonly Type _type;
    private readonly Type? _element;
    private readonly Dictionary<string, object>? _enumNames;
    private readonly int? _maxLength;
    private readonly decimal? _decimalLimit;
    private readonly int? _scale;

    internal ValueColumn(string name, IProperty property, IReadOnlyList<Func<object, (string Code, string Message)?>> checks) : base(name)
    {
        Property = property;
        _checks = checks;
        var clrType = property.ClrType;
        _type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (_type != typeof(string) && _type.IsGenericType && typeof(IList).IsAssignableFrom(_type)) _element = _type.GetGenericArguments()[0];
        var enumType = _element ?? _type;
        if (enumType.IsEnum)
        {
            _enumNames = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in Enum.GetValues(enumType)) _enumNames[EnumNames.ToScreamingSnake(value.ToString()!)] = value;
        }
        _maxLength = property.GetMaxLength();
        if (_type == typeof(decimal) && property.GetPrecision() is { } precision)
        {
            _scale = property.GetScale() ?? 0;
            _decimalLimit = (decimal)Math.Pow(10, precision - _scale.Value);
        }
        AllowsEmpty = property.IsNullable || _element is not null;
        // A new record needs every field that cannot be null, except true/false fields (false) and lists (empty).
        RequiredOnCreate = !property.IsNullable && _type != typeof(bool) && _element is null;
        Get = ImportDefinition.Getter(property.PropertyInfo!);
        Set = ImportDefinition.Setter(property.PropertyInfo!);
    }

    public IProperty Property { get; }

    /// <summary>An empty cell is allowed (it clears the field; a list becomes empty).</summary>
    public bool AllowsEmpty { get; }

    public bool RequiredOnCreate { get; }
    internal Func<object, object?> Get { get; }
    internal Action<object, object?> Set { get; }
    public bool IsList => _element is not null;

    /// <summary>The value of an empty cell: null, or an empty list.</summary>
    internal object? Empty() => _element is null ? null : Activator.CreateInstance(_type);

    /// <summary>Parses a non-empty cell; returns the reason when it cannot.</summary>
    internal string? Parse(string text, out object? value)
    {
        value = null;
        if (_element is not null)
        {
            var list = (IList)Activator.CreateInstance(_type)!;
            foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (ParseOne(_element, part, out var item) is { } reason) return reason;
                if (!list.Contains(item)) list.Add(item);
            }
            value = list;
            return null;
        }
        var problem = ParseOne(_type, text, out value);
        if (problem is not null || value is null) return problem;
        foreach (var check in _checks)
        {
            if (check(value) is { } failed) return failed.Message;
        }
        return null;
    }

    private string? ParseOne(Type type, string text, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            if (_maxLength is { } max && text.Length > max) return $"Longer than {max} characters.";
            value = text;
            return null;
        }
        if (type.IsEnum)
        {
            if (_enumNames!.TryGetValue(text.Trim(), out var member))
            {
                value = member;
                return null;
            }
            return $"Not one of {string.Join(", ", _enumNames.Keys)}.";
        }
        if (type == typeof(bool))
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": value = true; return null;
                case "false": value = false; return null;
                default: return "Not true or false.";
            }
        }
        if (type == typeof(int))
        {
            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
                return null;
            }
            return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? $"Out of range ({int.MinValue} to {int.MaxValue})."
                : "Not a whole number.";
        }
        if (type == typeof(decimal))
        {
            if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                    CultureInfo.InvariantCulture, out var number))
                return "Not a number (write it with a '.' and no thousands separators).";
            if (_scale is { } scale) number = Math.Round(number, scale, MidpointRounding.AwayFromZero);
            if (_decimalLimit is { } limit && Math.Abs(number) >= limit) return $"Out of range (less than {limit} in size).";
            value = number;
            return null;
        }
        if (type == typeof(DateOnly))
        {
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = date;
                return null;
            }
            return "Not a date yyyy-MM-dd.";
        }
        throw new NotSupportedException($"Import cannot read {type.Name} values ({Name}).");
    }

    /// <summary>Whether a parsed value equals the stored one (lists by their items).</summary>
    internal static bool Same(object? stored, object? value) =>
        stored is IList a && value is IList b
            ? a.Count == b.Count && a.Cast<object>().SequenceEqual(b.Cast<object>())
            : Equals(stored, value);
}

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
            var entityType = model.FindEntityType(entity.ClrType) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
            _lists.Add(entity.ListName, new ImportDefinition(entity, entityType, models));
        }
    }

    public IReadOnlyCollection<string> ListNames => _lists.Keys;

    public IEnumerable<ImportDefinition> All => _lists.Values;

    public ImportDefinition? Find(string listName) => _lists.GetValueOrDefault(listName);
}
