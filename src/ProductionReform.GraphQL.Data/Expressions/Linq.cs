using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace ProductionReform.GraphQL.Data.Expressions;

/// <summary>
/// LINQ calls as expressions, over an <see cref="IQueryable{T}"/> (root lists) or over a navigation
/// collection inside a projection (nested lists), so one pipeline serves both.
/// </summary>
internal static class Linq
{
    private static readonly ConcurrentDictionary<MethodKey, MethodInfo> Methods = new();

    public static Expression Any(Expression source, Type element, LambdaExpression? predicate) => predicate is null
        ? Call(source, nameof(Enumerable.Any), [element])
        : Call(source, nameof(Enumerable.Any), [element], predicate);

    public static Expression All(Expression source, Type element, LambdaExpression predicate) =>
        Call(source, nameof(Enumerable.All), [element], predicate);

    public static Expression Where(Expression source, Type element, LambdaExpression predicate) =>
        Call(source, nameof(Enumerable.Where), [element], predicate);

    public static Expression Select(Expression source, Type element, LambdaExpression selector) =>
        Call(source, nameof(Enumerable.Select), [element, selector.ReturnType], selector);

    public static Expression GroupBy(Expression source, Type element, LambdaExpression key) =>
        Call(source, nameof(Enumerable.GroupBy), [element, key.ReturnType], key);

    public static Expression Order(Expression source, Type element, LambdaExpression key, bool descending, bool first) =>
        Call(source, (first, descending) switch
        {
            (true, false) => nameof(Enumerable.OrderBy),
            (true, true) => nameof(Enumerable.OrderByDescending),
            (false, false) => nameof(Enumerable.ThenBy),
            (false, true) => nameof(Enumerable.ThenByDescending),
        }, [element, key.ReturnType], key);

    // A page size is written into the SQL (LIMIT 21): PostgreSQL plans a prepared statement with an unknown LIMIT
    // afresh on every execution (a generic plan without the limit looks costlier), which took about half its CPU on
    // nested pages at 200k (0.56 → 0.30 ms a request). Page sizes are few (at most Data:MaxPageSize + 1), each planned
    // once. An offset varies as a client pages: it stays a parameter (OFFSET @p), and all offsets share one EF query.
    public static Expression Take(Expression source, Type element, int count) =>
        Call(source, nameof(Enumerable.Take), [element], Expression.Constant(count));

    public static Expression Skip(Expression source, Type element, int count) =>
        Call(source, nameof(Enumerable.Skip), [element], QueryParameter.Of(count, typeof(int)));

    public static Expression Count(Expression source, Type element) =>
        Call(source, nameof(Enumerable.Count), [element]);

    public static Expression DefaultIfEmpty(Expression source, Type element) =>
        Call(source, nameof(Enumerable.DefaultIfEmpty), [element]);

    /// <summary>
    /// <c>p => sequence</c> typed as <c>SelectMany</c>'s collection selector wants it (a sequence of
    /// <paramref name="element"/>), without a cast that EF Core would not translate on a navigation collection.
    /// </summary>
    public static LambdaExpression SequenceSelector(Expression sequence, Type element, ParameterExpression parameter) =>
        Expression.Lambda(typeof(Func<,>).MakeGenericType(parameter.Type, typeof(IEnumerable<>).MakeGenericType(element)), sequence,
            parameter);

    public static Expression ToList(Expression source, Type element) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [element], source);

    private static Expression Call(Expression source, string method, Type[] typeArguments, params Expression[] arguments)
    {
        var queryable = typeof(IQueryable).IsAssignableFrom(source.Type);
        var host = queryable ? typeof(Queryable) : typeof(Enumerable);
        Expression[] args = [source, .. arguments.Select(a => queryable && a is LambdaExpression ? Expression.Quote(a) : a)];
        // Finding a method by name (Expression.FindMethod) on every request was a hot spot: each signature is resolved once.
        var key = new MethodKey(host, method, [.. typeArguments, .. args.Select(a => a.Type)]);
        if (!Methods.TryGetValue(key, out var resolved))
            resolved = Methods.GetOrAdd(key, Expression.Call(host, method, typeArguments, args).Method);
        return Expression.Call(resolved, args);
    }

    /// <summary>A LINQ method by host, name, type arguments and argument types: what picks one overload.</summary>
    private sealed class MethodKey(Type host, string name, Type[] types) : IEquatable<MethodKey>
    {
        private readonly Type _host = host;
        private readonly string _name = name;
        private readonly Type[] _types = types;

        public bool Equals(MethodKey? other) =>
            other is not null && _host == other._host && _name == other._name && _types.AsSpan().SequenceEqual(other._types);

        public override bool Equals(object? obj) => Equals(obj as MethodKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_host);
            hash.Add(_name);
            foreach (var type in _types) hash.Add(type);
            return hash.ToHashCode();
        }
    }
}
