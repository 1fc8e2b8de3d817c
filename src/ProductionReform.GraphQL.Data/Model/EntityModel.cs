using System.Linq.Expressions;
using System.Reflection;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>What the data layer knows of one entity type: its GraphQL names, key and declared fields.</summary>
public sealed class EntityModel(Type clrType)
{
    public Type ClrType { get; } = clrType;
    public string Name { get; set; } = clrType.Name;
    public string PluralName { get; set; } = clrType.Name + "s";
    public List<DataField> Fields { get; } = [];

    /// <summary>The root list's name (<c>enterprises</c>): of the connection, the CSV export and the import.</summary>
    public string ListName => NameCase.CamelCase(PluralName);

    /// <summary>The fields that find an existing record when a file is imported; a unique index must back them.</summary>
    public List<DataField> NaturalKey { get; } = [];

    /// <summary>
    /// The text fields a person names a record by, in order: a relation is exported as the first one that has a
    /// value, imported by any of them, and messages quote it: the declared <c>name</c>, <c>title</c>, <c>code</c>.
    /// </summary>
    public IReadOnlyList<ScalarField> Labels => _labels ??=
        [.. LabelNames.Select(Find).OfType<ScalarField>().Where(f => f.ValueType == typeof(string))];

    private IReadOnlyList<ScalarField>? _labels;
    private static readonly string[] LabelNames = ["name", "title", "code"];

    /// <summary>What <c>search</c> calls this kind of record (<c>Enterprises 企业</c>); its searched fields follow.</summary>
    public string? SearchSubject { get; set; }

    public IEnumerable<ScalarField> SearchedFields => Fields.OfType<ScalarField>().Where(f => f.SearchWeight is not null);

    /// <summary>The interfaces the GraphQL type implements; fragments on them apply to this type.</summary>
    public HashSet<string> Interfaces { get; } = [];

    /// <summary>The integer primary key; it is the tie-breaker of every order and the key of global ids.</summary>
    public PropertyInfo Key { get; set; } =
        clrType.GetProperty("Id") ?? throw new InvalidOperationException($"{clrType.Name} has no Id property.");

    public string FilterInputName => Name + "FilterInput";
    public string ListFilterInputName => "ListFilterInputTypeOf" + FilterInputName;
    public string SortInputName => Name + "SortInput";
    public string ConnectionName => PluralName + "Connection";
    public string EdgeName => PluralName + "Edge";
    public string SegmentName => PluralName + "PageCollectionSegment";

    public bool AppliesTo(string typeCondition) => typeCondition == Name || Interfaces.Contains(typeCondition);

    public DataField? Find(string name) => Fields.Find(f => f.Name == name);

    /// <summary>The label a record is named by: its first label field with a value, else null.</summary>
    public string? LabelOf(object entity) =>
        Labels.Select(f => f.Property.GetValue(entity) as string).FirstOrDefault(v => v is { Length: > 0 });

    public int KeyOf(object entity) => (int)Key.GetValue(entity)!;

    public LambdaExpression KeySelector()
    {
        var x = Expression.Parameter(ClrType, "x");
        return Expression.Lambda(Expression.Property(x, Key), x);
    }
}
