using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>A refused input, returned as data in a payload's <c>errors</c> (or a note in its <c>warnings</c>).</summary>
public sealed record UserError(string? Field, string Message, string Code);

/// <summary>The codes of <see cref="UserError"/>s; the README lists them.</summary>
public static class MutationCodes
{
    public const string Required = "REQUIRED";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidRange = "INVALID_RANGE";
    public const string NotUnique = "NOT_UNIQUE";
    public const string AlreadyEnrolled = "ALREADY_ENROLLED";
    public const string InvalidReference = "INVALID_REFERENCE";
    public const string NotFound = "NOT_FOUND";
    public const string ConcurrentUpdate = "CONCURRENT_UPDATE";
    public const string Referenced = "REFERENCED";
    public const string TargetExceeded = "TARGET_EXCEEDED";
}

public enum InputKind
{
    /// <summary>A column, mapped onto the entity with Mapster.</summary>
    Scalar,
    /// <summary>A to-one relation named by global id (<c>industryId</c>), stored in its foreign-key property.</summary>
    Reference,
    /// <summary>A many-to-many relation named by global ids (<c>sourceIds</c>), replacing the whole set.</summary>
    Many,
    /// <summary>A Boolean the rules read (<c>allowOverTarget</c>); not stored.</summary>
    Flag,
}

/// <summary>One field of a mutation input: where its value goes, its GraphQL type and how it is checked.</summary>
public sealed class InputField
{
    public required string Name { get; init; }
    public required InputKind Kind { get; init; }

    /// <summary>The scalar property, the foreign-key property, or the collection navigation.</summary>
    public PropertyInfo? Property { get; init; }

    /// <summary>The named GraphQL input type of a scalar (no non-null wrapper).</summary>
    public Type? GraphType { get; set; }

    /// <summary>The entity a reference or many field points to.</summary>
    public Type? Target { get; init; }

    /// <summary>Must be given on create (non-null in the create input) and may not be cleared on update.</summary>
    public bool Required { get; set; }

    public string? Description { get; set; }

    /// <summary>Applied to a non-null value before it is checked and stored (e.g. upper-case a credit code).</summary>
    public Func<object, object?>? Normalize { get; set; }

    /// <summary>Checks of a non-null value: null when fine, else the code and message of the error.</summary>
    public List<Func<object, (string Code, string Message)?>> Checks { get; } = [];

    public InputField IsRequired(bool required = true) { Required = required; return this; }
    public InputField Describe(string description) { Description = description; return this; }
    public InputField NormalizeWith(Func<object, object?> normalize) { Normalize = normalize; return this; }
    public InputField Check(Func<object, (string Code, string Message)?> check) { Checks.Add(check); return this; }

    /// <summary>Numbers below <paramref name="minimum"/> are refused with INVALID_RANGE.</summary>
    public InputField Minimum(decimal minimum) => Check(value =>
        Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) < minimum
            ? (MutationCodes.InvalidRange, $"'{Name}' must be {minimum} or more; it is {value}.")
            : null);
}

/// <summary>What a rule of an entity sees: the entity as it would be saved, the raw input and where to report.</summary>
public sealed class MutationContext
{
    public required ProductionReform.Data.RegistryDbContext Db { get; init; }
    public required bool IsCreate { get; init; }
    public required IReadOnlyDictionary<string, object?> Input { get; init; }
    public CancellationToken CancellationToken { get; init; }
    public List<UserError> Errors { get; } = [];
    public List<UserError> Warnings { get; } = [];

    /// <summary>True when the input names this field (also when it is explicitly null).</summary>
    public bool Provided(string field) => Input.ContainsKey(field);

    public bool Flag(string field) => Input.TryGetValue(field, out var value) && value is true;

    /// <summary>Whether this field already has an error (rules skip what cannot be judged).</summary>
    public bool HasError(string field) => Errors.Exists(e => e.Field == field);

    public void Error(string? field, string code, string message) => Errors.Add(new UserError(field, message, code));
    public void Warn(string? field, string code, string message) => Warnings.Add(new UserError(field, message, code));
}

/// <summary>Untyped view of <see cref="EntityMutations{T}"/> for the schema builder.</summary>
public interface IEntityMutations
{
    Type ClrType { get; }

    /// <summary>The schema's type name (<c>Enterprise</c>); mutations are <c>create…</c>, <c>update…</c>, <c>delete…</c>.</summary>
    string TypeName { get; }

    IReadOnlyList<InputField> Fields { get; }

    Task<MutationPayload> CreateAsync(MutationRequest request);
    Task<MutationPayload> UpdateAsync(MutationRequest request);
    Task<MutationPayload> DeleteAsync(MutationRequest request);
}

/// <summary>
/// The declaration of one entity's mutations: which properties a writer sets (scalars, references by global id,
/// many-to-many sets) and the rules beyond the column types. Everything else — input, payload and error types,
/// required-ness, uniqueness from the unique indexes, existence and type of referenced ids, optimistic
/// concurrency, referrers on delete, one transaction — is the same for every entity (<see cref="MutationEngine{T}"/>).
/// </summary>
public sealed partial class EntityMutations<T> : IEntityMutations where T : Entity
{
    private readonly List<InputField> _fields = [];
    private readonly List<Func<MutationContext, T, Task>> _rules = [];
    private readonly Dictionary<string, (string Code, string Message)> _uniqueErrors = [];

    public Type ClrType => typeof(T);
    public string TypeName { get; } = typeof(T).Name;
    public IReadOnlyList<InputField> Fields => _fields;

    /// <summary>A column. Required when the property cannot hold null and is a string, enum or list (override with <paramref name="configure"/>).</summary>
    public EntityMutations<T> Field<TValue>(Expression<Func<T, TValue>> property, Action<InputField>? configure = null)
    {
        var info = PropertyOf(property);
        var type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
        var notNull = new NullabilityInfoContext().Create(info).WriteState == NullabilityState.NotNull;
        var field = new InputField
        {
            Name = Naming.CamelCase(info.Name),
            Kind = InputKind.Scalar,
            Property = info,
            GraphType = InputGraphType(info.PropertyType),
            Required = notNull && (type == typeof(string) || type.IsEnum),
        };
        if (type == typeof(string)) field.Normalize = value => ((string)value).Trim() is { Length: > 0 } text ? text : null;
        configure?.Invoke(field);
        _fields.Add(field);
        return this;
    }

    /// <summary>A to-one relation by its foreign key: <c>x => x.IndustryId</c> becomes <c>industryId: ID</c>.</summary>
    public EntityMutations<T> Reference<TTarget>(Expression<Func<T, int?>> foreignKey, Action<InputField>? configure = null) where TTarget : Entity
    {
        var info = PropertyOf(foreignKey);
        var field = new InputField
        {
            Name = Naming.CamelCase(info.Name),
            Kind = InputKind.Reference,
            Property = info,
            Target = typeof(TTarget),
            Required = info.PropertyType == typeof(int),
            Description = $"Global id of the {Naming.Words(typeof(TTarget).Name, 1)}.",
        };
        configure?.Invoke(field);
        _fields.Add(field);
        return this;
    }

    /// <summary>A many-to-many relation: <c>(x => x.Sources, "sourceIds")</c>; the given ids replace the set.</summary>
    public EntityMutations<T> Many<TTarget>(Expression<Func<T, ICollection<TTarget>>> navigation, string name, string? description = null) where TTarget : Entity
    {
        _fields.Add(new InputField
        {
            Name = name,
            Kind = InputKind.Many,
            Property = PropertyOf(navigation),
            Target = typeof(TTarget),
            Description = description ?? $"Global ids of the {Naming.Words(typeof(TTarget).Name, 2)}; replaces the whole set.",
        });
        return this;
    }

    /// <summary>A Boolean input the rules read, not stored.</summary>
    public EntityMutations<T> Flag(string name, string description)
    {
        _fields.Add(new InputField { Name = name, Kind = InputKind.Flag, GraphType = typeof(BooleanGraphType), Description = description });
        return this;
    }

    /// <summary>A rule over the whole entity, run after the fields are applied; it reports through the context.</summary>
    public EntityMutations<T> Rule(Func<MutationContext, T, Task> rule)
    {
        _rules.Add(rule);
        return this;
    }

    public EntityMutations<T> Rule(Action<MutationContext, T> rule) => Rule((context, entity) =>
    {
        rule(context, entity);
        return Task.CompletedTask;
    });

    /// <summary>The first date may not lie after the second (periodStart ≤ periodEnd); the error names the second.</summary>
    public EntityMutations<T> Ordered(Expression<Func<T, DateOnly?>> first, Expression<Func<T, DateOnly?>> second)
    {
        var (read1, read2) = (first.Compile(), second.Compile());
        var (name1, name2) = (Naming.CamelCase(PropertyOf(first).Name), Naming.CamelCase(PropertyOf(second).Name));
        return Rule((context, entity) =>
        {
            if (read1(entity) is { } from && read2(entity) is { } to && from > to)
                context.Error(name2, MutationCodes.InvalidRange, $"'{name2}' ({to:yyyy-MM-dd}) must not be before '{name1}' ({from:yyyy-MM-dd}).");
        });
    }

    /// <summary>The error for a unique index over this property, instead of the generic NOT_UNIQUE.</summary>
    public EntityMutations<T> UniqueError<TValue>(Expression<Func<T, TValue>> property, string code, string message)
    {
        _uniqueErrors[PropertyOf(property).Name] = (code, message);
        return this;
    }

    public Task<MutationPayload> CreateAsync(MutationRequest request) => new MutationEngine<T>(this, request).CreateAsync();
    public Task<MutationPayload> UpdateAsync(MutationRequest request) => new MutationEngine<T>(this, request).UpdateAsync();
    public Task<MutationPayload> DeleteAsync(MutationRequest request) => new MutationEngine<T>(this, request).DeleteAsync();

    internal IReadOnlyList<Func<MutationContext, T, Task>> Rules => _rules;
    internal IReadOnlyDictionary<string, (string Code, string Message)> UniqueErrors => _uniqueErrors;

    internal static PropertyInfo PropertyOf(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property }
            ? property
            : throw new ArgumentException($"'{member}' must read one property, e.g. x => x.Name.", nameof(member));
    }

    /// <summary>The named GraphQL input type of a property, as the output side names it (Date, enums by CLR type).</summary>
    private static Type InputGraphType(Type type)
    {
        if (type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type))
            return typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(InputGraphType(element)));
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return typeof(EnumerationGraphType<>).MakeGenericType(type);
        return type switch
        {
            _ when type == typeof(string) => typeof(StringGraphType),
            _ when type == typeof(int) => typeof(IntGraphType),
            _ when type == typeof(long) => typeof(LongGraphType),
            _ when type == typeof(decimal) => typeof(DecimalGraphType),
            _ when type == typeof(bool) => typeof(BooleanGraphType),
            _ when type == typeof(DateOnly) => typeof(ProductionReform.GraphQL.Data.Model.DateGraphType),
            _ => throw new NotSupportedException($"No GraphQL input type is known for {type.Name}."),
        };
    }
}

/// <summary>How mutations name things: camelCase fields, "innovation studios" in messages.</summary>
internal static class Naming
{
    /// <summary>"a pilot program", "an enterprise".</summary>
    internal static string A(string typeName) => ("aeiou".Contains(Words(typeName, 1)[0]) ? "an " : "a ") + Words(typeName, 1);

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary><c>InnovationStudio</c>, 2 → "innovation studios"; <c>Industry</c>, 1 → "industry".</summary>
    internal static string Words(string typeName, int count)
    {
        var words = string.Concat(typeName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        if (count == 1) return words;
        return words.EndsWith('y') ? words[..^1] + "ies" : words + "s";
    }
}
