using System.Collections;
using System.Linq.Expressions;
using ProductionReform.GraphQL.Data.Expressions;
using ProductionReform.GraphQL.Data.Model;
using static ProductionReform.GraphQL.Data.Filtering.Conditions;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>Turns a coerced <c>where</c> argument into a predicate that EF Core translates to SQL.</summary>
internal sealed class FilterTranslator(ModelRegistry models, DataOptions options)
{
    /// <summary>The predicate for <paramref name="where"/>, or null when it places no condition.</summary>
    public LambdaExpression? Translate(EntityModel model, IDictionary<string, object?>? where)
    {
        if (where is null || where.Count == 0) return null;
        // Measured over the whole input first, so that and/or inside a field's operations count too and
        // the error reports the real depth, not the level at which the walk stopped.
        var depth = Depth(model, where);
        if (depth > options.MaxFilterDepth)
            throw DataError.LimitExceeded("maxFilterDepth", options.MaxFilterDepth, depth, "The nesting depth of 'where'");
        var x = Expression.Parameter(model.ClrType, "x");
        return Expression.Lambda(Object(model, x, where, depth: 1), x);
    }

    private Expression Object(EntityModel model, Expression instance, IDictionary<string, object?> where, int depth)
    {
        if (depth > options.MaxFilterDepth)
            throw DataError.LimitExceeded("maxFilterDepth", options.MaxFilterDepth, depth, "The nesting depth of 'where'");

        var conditions = new List<Expression>();
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            switch (name)
            {
                case FilterOperations.And or FilterOperations.Or:
                    conditions.Add(Combined(name, Items(value).Select(item => Object(model, instance, Dictionary(item), depth + 1))));
                    break;
                case FilterOperations.Not:
                    // EF Core evaluates with C#'s null semantics, so every condition is true or false, never SQL's
                    // unknown: the negation is the complement, rows whose compared value is null included.
                    conditions.Add(Expression.Not(Object(model, instance, Dictionary(value), depth + 1)));
                    break;
                default:
                    var field = model.Find(name) ?? throw DataError.InvalidFilter($"{model.FilterInputName} has no field '{name}'.");
                    var member = ParameterRebinder.Rebind(field.Member, instance);
                    conditions.Add(field switch
                    {
                        ScalarField { ElementType: { } element } scalar => ScalarList(scalar, element, member, Dictionary(value)),
                        ScalarField scalar => Operations(Operand.Of(scalar), member, Dictionary(value)),
                        ReferenceField reference => Object(models[reference.TargetType], member, Dictionary(value), depth + 1),
                        ListField list => EntityList(models[list.TargetType], member, Dictionary(value), depth + 1),
                        _ => throw new NotSupportedException(field.GetType().Name),
                    });
                    break;
            }
        }
        return All(conditions);
    }

    /// <summary>How deeply <paramref name="where"/> nests, counted as <see cref="Object"/> counts: each element of
    /// and/or (also inside a field's operations), each <c>not</c>, each relation and each list quantifier is one level.</summary>
    private int Depth(EntityModel model, IDictionary<string, object?> where)
    {
        var deepest = 1;
        foreach (var (name, value) in where)
        {
            if (value is null) continue;
            var nested = name switch
            {
                FilterOperations.And or FilterOperations.Or =>
                    Items(value).Select(item => Depth(model, Dictionary(item))).DefaultIfEmpty(0).Max(),
                FilterOperations.Not => Depth(model, Dictionary(value)),
                _ => model.Find(name) switch
                {
                    ScalarField { ElementType: not null } => Quantified(value).Select(OperationDepth).DefaultIfEmpty(0).Max(),
                    ScalarField => OperationDepth(Dictionary(value)) - 1,
                    ReferenceField reference => Depth(models[reference.TargetType], Dictionary(value)),
                    ListField list => Quantified(value).Select(p => Depth(models[list.TargetType], p)).DefaultIfEmpty(0).Max(),
                    _ => 0,
                },
            };
            deepest = Math.Max(deepest, 1 + nested);
        }
        return deepest;
    }

    /// <summary>The element conditions of some/none/all given to a list.</summary>
    private static IEnumerable<IDictionary<string, object?>> Quantified(object value) => Dictionary(value)
        .Where(p => p.Key is FilterOperations.Some or FilterOperations.None or FilterOperations.All && p.Value is not null)
        .Select(p => Dictionary(p.Value));

    private static int OperationDepth(IDictionary<string, object?> operations) =>
        1 + operations.Where(p => FilterOperations.IsCombinator(p.Key) && p.Value is not null)
            .SelectMany(p => Items(p.Value!)).Select(item => OperationDepth(Dictionary(item))).DefaultIfEmpty(0).Max();

    private Expression EntityList(EntityModel element, Expression collection, IDictionary<string, object?> where, int depth) =>
        Quantifiers(element.ListFilterInputName, element.ClrType, collection, where,
            (y, conditions) => Object(element, y, conditions, depth), setCondition: null);

    /// <summary>A list column: through array operators for one equality (see <see cref="ArrayConditions"/>), else element-wise.</summary>
    private Expression ScalarList(ScalarField field, Type element, Expression array, IDictionary<string, object?> where)
    {
        var operand = new Operand(field.Name, element, Searchable: false);
        return Quantifiers(FilterInputTypes.ListName(element), element, array, where,
            (y, operations) => Operations(operand, y, operations),
            (quantifier, operations) => SetCondition(operand, quantifier, array, operations));
    }

    /// <summary>some/none/all (each element's conditions built by <paramref name="elementCondition"/>), any and count.</summary>
    private Expression Quantifiers(string inputName, Type element, Expression collection, IDictionary<string, object?> where,
        Func<ParameterExpression, IDictionary<string, object?>, Expression> elementCondition,
        Func<string, IDictionary<string, object?>, Expression?>? setCondition)
    {
        var conditions = new List<Expression>();
        foreach (var (quantifier, value) in where)
        {
            if (value is null) continue;
            switch (quantifier)
            {
                case FilterOperations.Any:
                    var any = Linq.Any(collection, element, null);
                    conditions.Add((bool)value ? any : Expression.Not(any));
                    break;
                case FilterOperations.Count:
                    var count = new Operand($"{inputName}.count", typeof(int), Searchable: false);
                    conditions.Add(Operations(count, Linq.Count(collection, element), Dictionary(value)));
                    break;
                case FilterOperations.Some or FilterOperations.None or FilterOperations.All:
                    var elementConditions = Dictionary(value);
                    if (setCondition?.Invoke(quantifier, elementConditions) is { } set)
                    {
                        conditions.Add(set);
                        break;
                    }
                    var y = Expression.Parameter(element, "y");
                    var predicate = Expression.Lambda(elementCondition(y, elementConditions), y);
                    conditions.Add(quantifier switch
                    {
                        FilterOperations.Some => Linq.Any(collection, element, predicate),
                        FilterOperations.None => Expression.Not(Linq.Any(collection, element, predicate)),
                        _ => Linq.All(collection, element, predicate),
                    });
                    break;
                default:
                    throw DataError.InvalidFilter($"{inputName} has no operation '{quantifier}'.");
            }
        }
        return All(conditions);
    }

    /// <summary>The array-operator form when the element conditions are one eq/neq/in/nin without null; else null.</summary>
    private Expression? SetCondition(Operand operand, string quantifier, Expression array, IDictionary<string, object?> operations)
    {
        if (operations.Count != 1) return null;
        var (operation, value) = operations.First();
        if (value is null) return null;
        IReadOnlyList<object?>? values = operation switch
        {
            FilterOperations.Eq or FilterOperations.Neq => [value],
            FilterOperations.In or FilterOperations.Nin => [.. Items(value)],
            _ => null,
        };
        if (values is null || values.Contains(null)) return null;
        var equal = operation is FilterOperations.Eq or FilterOperations.In;
        return ArrayConditions.Quantified(quantifier, equal, array, operand.ValueType, ValueList(operand, operand.ValueType, values));
    }

    private Expression Operations(Operand operand, Expression member, IDictionary<string, object?> operations)
    {
        var conditions = new List<Expression>();
        foreach (var (operation, value) in operations)
        {
            switch (operation)
            {
                case FilterOperations.And or FilterOperations.Or:
                    if (value is not null)
                        conditions.Add(Combined(operation, Items(value).Select(item => Operations(operand, member, Dictionary(item)))));
                    break;
                default:
                    conditions.Add(Operation(operand, member, operation, value));
                    break;
            }
        }
        return All(conditions);
    }

    private Expression Operation(Operand operand, Expression member, string operation, object? value)
    {
        if (!FilterOperations.For(operand.ValueType, operand.Searchable).Contains(operation))
            throw DataError.InvalidFilter($"'{operation}' is not an operation of {operand.InputName}.");

        // A column that cannot hold null is never null: eq null matches no row, neq null every row
        // (converting null to the type would read it as false or 0).
        if (value is null && operation is FilterOperations.Eq or FilterOperations.Neq
            && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
            return Expression.Constant(operation == FilterOperations.Neq);

        switch (operation)
        {
            case FilterOperations.Eq or FilterOperations.Neq:
                return Conditions.Compare(operation, member, QueryParameter.Of(value, member.Type))!;
            case FilterOperations.In: return InList(operand, member, value);
            case FilterOperations.Nin: return Expression.Not(InList(operand, member, value));
        }

        if (value is null)
            throw DataError.InvalidFilter($"'{operand.Name}.{operation}' needs a value; null is only allowed with eq and neq.");

        return operation switch
        {
            FilterOperations.Contains => TextConditions.Contains(member, (string)value),
            FilterOperations.StartsWith => TextConditions.StartsWith(member, (string)value),
            FilterOperations.EndsWith => TextConditions.EndsWith(member, (string)value),
            FilterOperations.NotContains => TextConditions.Not(member, TextConditions.Contains(member, (string)value)),
            FilterOperations.NotStartsWith => TextConditions.Not(member, TextConditions.StartsWith(member, (string)value)),
            FilterOperations.NotEndsWith => TextConditions.Not(member, TextConditions.EndsWith(member, (string)value)),
            FilterOperations.EqIgnoringCase => TextConditions.EqualsIgnoringCase(member, (string)value),
            FilterOperations.NeqIgnoringCase => TextConditions.Not(member, TextConditions.EqualsIgnoringCase(member, (string)value)),
            FilterOperations.InIgnoringCase => TextConditions.InIgnoringCase(member, Texts(operand, value)),
            FilterOperations.NinIgnoringCase => TextConditions.Not(member, TextConditions.InIgnoringCase(member, Texts(operand, value))),
            FilterOperations.Matches => TextConditions.Matches(member, SearchText(operand, (string)value)),
            _ => Conditions.Compare(operation, member, QueryParameter.Of(value, member.Type))
                ?? throw DataError.InvalidFilter($"'{operation}' is not a known operation."),
        };
    }

    private Expression InList(Operand operand, Expression member, object? value)
    {
        if (value is null) throw DataError.InvalidFilter($"'{operand.Name}.in' and '{operand.Name}.nin' need a list of values.");
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type],
            ValueList(operand, member.Type, [.. Items(value)]), member);
    }

    /// <summary>The values as one list parameter of <paramref name="type"/>, at most <see cref="DataOptions.MaxInListLength"/>.</summary>
    private Expression ValueList(Operand operand, Type type, IReadOnlyList<object?> items)
    {
        if (items.Count > options.MaxInListLength)
            throw DataError.LimitExceeded("maxInListLength", options.MaxInListLength, items.Count, $"The list given to '{operand.Name}'");

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
        foreach (var item in items)
        {
            // null equals no value of a non-nullable column (and List<TEnum>.Add(null) would throw).
            if (item is null && type.IsValueType && Nullable.GetUnderlyingType(type) is null) continue;
            list.Add(QueryParameter.Convert(item, type));
        }
        return QueryParameter.Of(list, list.GetType());
    }

    /// <summary>The texts of ini/nini; a null among them equals nothing ignoring case, as no text does.</summary>
    private List<string> Texts(Operand operand, object value)
    {
        var items = Items(value).ToList();
        if (items.Count > options.MaxInListLength)
            throw DataError.LimitExceeded("maxInListLength", options.MaxInListLength, items.Count, $"The list given to '{operand.Name}'");
        return [.. items.OfType<string>()];
    }

    private static string SearchText(Operand operand, string text) => string.IsNullOrWhiteSpace(text)
        ? throw DataError.InvalidFilter($"'{operand.Name}.matches' needs text to search for; it was empty or blank.")
        : text;

    /// <summary>What a set of operations compares: named in messages, of a value type, with <c>matches</c> or not.</summary>
    private sealed record Operand(string Name, Type ValueType, bool Searchable)
    {
        public static Operand Of(ScalarField field) => new(field.Name, field.ValueType, field.IsTrigramIndexed);

        public string InputName => Searchable ? FilterInputTypes.SearchableStringName : ScalarTypes.FilterInputName(ValueType);
    }
}
