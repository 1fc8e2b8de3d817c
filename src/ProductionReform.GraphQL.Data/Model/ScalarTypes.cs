using System.Reflection;
using GraphQL.Types;

namespace ProductionReform.GraphQL.Data.Model;

/// <summary>How a CLR value type appears in the schema and in filter inputs.</summary>
internal static class ScalarTypes
{
    private static readonly Dictionary<Type, (Type GraphType, string FilterPrefix)> Known = new()
    {
        [typeof(string)] = (typeof(StringGraphType), "String"),
        [typeof(int)] = (typeof(IntGraphType), "Int"),
        [typeof(long)] = (typeof(LongGraphType), "Long"),
        [typeof(double)] = (typeof(FloatGraphType), "Float"),
        [typeof(float)] = (typeof(FloatGraphType), "Float"),
        [typeof(decimal)] = (typeof(DecimalGraphType), "Decimal"),
        [typeof(DateTime)] = (typeof(DateTimeGraphType), "DateTime"),
        [typeof(DateTimeOffset)] = (typeof(DateTimeOffsetGraphType), "DateTime"),
        [typeof(DateOnly)] = (typeof(DateGraphType), "Date"),
        [typeof(bool)] = (typeof(BooleanGraphType), "Boolean"),
        [typeof(uint)] = (typeof(UIntGraphType), "UInt"),
        [typeof(Guid)] = (typeof(IdGraphType), "Uuid"),
    };

    public static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public static bool IsEnum(Type type) => Underlying(type).IsEnum;

    public static bool IsString(Type type) => type == typeof(string);

    public static bool IsBoolean(Type type) => Underlying(type) == typeof(bool);

    public static Type? ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element] &&
        typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element : null;

    /// <summary>The named GraphQL type of a value type (no wrappers).</summary>
    public static Type NamedGraphType(Type valueType)
    {
        var type = Underlying(valueType);
        if (type.IsEnum) return typeof(EnumerationGraphType<>).MakeGenericType(type);
        return Known.TryGetValue(type, out var known) ? known.GraphType
            : throw new NotSupportedException($"No GraphQL scalar is known for {type.Name}.");
    }

    /// <summary><c>StringOperationFilterInput</c>, <c>IntOperationFilterInput</c>, <c>RegionKindOperationFilterInput</c>…</summary>
    public static string FilterInputName(Type valueType)
    {
        var type = Underlying(valueType);
        var prefix = type.IsEnum ? type.Name : Known[type].FilterPrefix;
        return prefix + "OperationFilterInput";
    }

    /// <summary>The output type of a field, non-null when the property cannot hold null.</summary>
    public static Type OutputGraphType(DataField field, Type namedGraphType)
    {
        var nullable = new NullabilityInfoContext().Create(field.Property).ReadState != NullabilityState.NotNull;
        return nullable ? namedGraphType : typeof(NonNullGraphType<>).MakeGenericType(namedGraphType);
    }
}
