using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Api.Mutations;

/// <summary>
/// One entity's mutations, derived from its declaration: the input fields are the fields declared
/// <see cref="EntityGraphType{T}.FieldOptions.Writable"/> (scalars, references by global id, lists as sets of ids); the
/// entity adds the rules beyond the column types. Everything else — input, payload and error types, required-ness,
/// uniqueness from the unique indexes, existence and type of referenced ids, optimistic concurrency, referrers on
/// delete, one transaction — is the same for every entity (<see cref="MutationEngine{T}"/>).
/// </summary>
public sealed class EntityMutations<T>(EntityModel model) : IEntityMutations where T : Entity
{
    private readonly List<InputField> _flags = [];
    private readonly List<Func<MutationContext, T, Task>> _rules = [];
    private readonly Dictionary<string, (string Code, string Message)> _uniqueErrors = [];
    private IReadOnlyList<InputField>? _fields;

    public Type ClrType => typeof(T);
    public EntityModel Model { get; } = model;
    public string TypeName => Model.Name;

    /// <summary>The writable fields in declaration order, then the flags.</summary>
    public IReadOnlyList<InputField> Fields => _fields ??= [.. Model.Fields.Where(f => f.Write is not null).Select(Input), .. _flags];

    /// <summary>A Boolean input the rules read, not stored.</summary>
    public EntityMutations<T> Flag(string name, string description)
    {
        _flags.Add(new InputField { Name = name, Kind = InputKind.Flag, GraphType = typeof(BooleanGraphType), Description = description });
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
        var (name1, name2) = (NameCase.CamelCase(PropertyOf(first).Name), NameCase.CamelCase(PropertyOf(second).Name));
        return Rule((context, entity) =>
        {
            if (read1(entity) is { } from && read2(entity) is { } to && from > to)
                context.Error(name2, MutationCodes.InvalidRange,
                    $"'{name2}' ({to:yyyy-MM-dd}) must not be before '{name1}' ({from:yyyy-MM-dd}).");
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

    private static PropertyInfo PropertyOf(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property }
            ? property
            : throw new ArgumentException($"'{member}' must read one property, e.g. x => x.Name.", nameof(member));
    }

    /// <summary>The input of a writable field: a column as itself, a relation by its foreign key, a list by its ids.</summary>
    private static InputField Input(DataField field)
    {
        var write = field.Write!;
        switch (field)
        {
            case ReferenceField reference:
                var foreignKey = typeof(T).GetProperty(field.Property.Name + "Id")
                    ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Property.Name} has no foreign key "
                                                           + $"{field.Property.Name}Id.");
                return new InputField
                {
                    Name = NameCase.CamelCase(foreignKey.Name),
                    Kind = InputKind.Reference,
                    Property = foreignKey,
                    Target = reference.TargetType,
                    Required = write.IsRequired ?? foreignKey.PropertyType == typeof(int),
                    Description = write.Description ?? $"Global id of the {Naming.Words(reference.TargetType.Name, 1)}.",
                };
            case ListField list:
                return new InputField
                {
                    Name = Naming.Singular(field.Name) + "Ids",
                    Kind = InputKind.Many,
                    Property = field.Property,
                    Target = list.TargetType,
                    Description = write.Description
                                  ?? $"Global ids of the {Naming.Words(list.TargetType.Name, 2)}; replaces the whole set.",
                };
            default:
                var property = field.Property;
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                var notNull = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull;
                return new InputField
                {
                    Name = field.Name,
                    Kind = InputKind.Scalar,
                    Property = property,
                    GraphType = InputGraphType(property.PropertyType),
                    Required = write.IsRequired ?? (notNull && (type == typeof(string) || type.IsEnum)),
                    Description = write.Description ?? field.Description,
                    Normalize = write.Normalizer
                                ?? (type == typeof(string) ? value => ((string)value).Trim() is { Length: > 0 } text ? text : null : null),
                    Checks = write.Checks,
                };
        }
    }

    /// <summary>The named GraphQL input type of a property, as the output side names it (Date, enums by CLR type).</summary>
    private static Type InputGraphType(Type type)
    {
        if (type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type))
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
