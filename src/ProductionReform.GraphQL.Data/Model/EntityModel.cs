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

    /// <summary>The interfaces the GraphQL type implements; fragments on them apply to this type.</summary>
    public HashSet<string> Interfaces { get; } = [];

    /// <summary>The integer primary key; it is the tie-breaker of every order and the key of global ids.</summary>
    public PropertyInfo Key { get; set; } = clrType.GetProperty("Id") ?? throw new InvalidOperationException($"{clrType.Name} has no Id property.");

    public string FilterInputName => Name + "FilterInput";
    public string ListFilterInputName => "ListFilterInputTypeOf" + FilterInputName;
    public string SortInputName => Name + "SortInput";
    public string ConnectionName => PluralName + "Connection";
    public string EdgeName => PluralName + "Edge";
    public string SegmentName => PluralName + "PageCollectionSegment";

    public bool AppliesTo(string typeCondition) => typeCondition == Name || Interfaces.Contains(typeCondition);

    public DataField? Find(string name) => Fields.Find(f => f.Name == name);

    public int KeyOf(object entity) => (int)Key.GetValue(entity)!;

    public LambdaExpression KeySelector()
    {
        var x = Expression.Parameter(ClrType, "x");
        return Expression.Lambda(Expression.Property(x, Key), x);
    }
}
