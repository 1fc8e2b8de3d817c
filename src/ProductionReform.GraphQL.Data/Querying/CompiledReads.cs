using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Expressions;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// The reads of a list request kept with its cached document, each compiled by EF Core once, when asked a second time.
/// A query run from its expression tree costs EF Core, every time, a walk of the tree for its parameters and a cache
/// lookup that hashes and compares the tree (12 % of the API's CPU on four nested levels), and the tree had to be built
/// first (another 10 %).
/// </summary>
/// <remarks>
/// A compiled query would inline the request's values as SQL literals; they stay parameters: each
/// <see cref="QueryParameter"/> becomes a parameter of the compiled query, after a nested read's parent keys. EF Core
/// compiles queries of up to 15 parameters; a read with more runs from its expression tree.
/// </remarks>
internal sealed class CompiledReads
{
    private const int MostParameters = 15;

    private static readonly MethodInfo[] CompileMethods = typeof(EF).GetMethods()
        .Where(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetParameters()[0].ParameterType.GetGenericArguments()[0]
            .GetGenericArguments()[^1] is { IsGenericType: true } result && result.GetGenericTypeDefinition() == typeof(IQueryable<>))
        .OrderBy(m => m.GetGenericArguments().Length)
        .ToArray();

    // A read asked once is not compiled yet: a document sent once (literals typed in an explorer) would pay for a
    // compilation that EF Core's own query cache spares it, as its values are parameters.
    private static readonly Compiled AskedOnce = new(null!, []);
    private static readonly Compiled NotCompiled = new(null!, []);

    private readonly ConcurrentDictionary<string, Compiled> _reads = new();

    /// <param name="name">Which read of the request.</param>
    /// <param name="query">The read over the context and, for a nested read, the parents' keys it is given.</param>
    /// <param name="keys">The parents' keys of a nested read.</param>
    /// <returns>The rows; null when the read is not compiled (asked for the first time, or too many parameters).</returns>
    public async Task<List<T>?> ListAsync<T>(string name, DbContext db, Func<Expression, Expression, Expression> query,
        List<int>? keys, CancellationToken cancellationToken)
    {
        if (_reads.TryAdd(name, AskedOnce)) return null;
        var read = _reads[name];
        if (ReferenceEquals(read, AskedOnce)) read = _reads[name] = Compile<T>(query) ?? NotCompiled;
        if (ReferenceEquals(read, NotCompiled)) return null;
        var arguments = read.Values;
        if (keys is not null)
        {
            arguments = (object?[])arguments.Clone();
            arguments[0] = keys;
        }
        var rows = new List<T>();
        await foreach (var row in ((Func<DbContext, object?[], IAsyncEnumerable<T>>)read.Run)(db, arguments)
            .WithCancellation(cancellationToken)) rows.Add(row);
        return rows;
    }

    private static Compiled? Compile<T>(Func<Expression, Expression, Expression> query)
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        var keys = Expression.Parameter(typeof(List<int>), "keys");
        var lifted = new ParameterLifter(keys);
        var body = lifted.Visit(query(context, keys));
        if (lifted.Parameters.Count > MostParameters) return null;

        ParameterExpression[] parameters = [context, .. lifted.Parameters];
        var queryType = Expression.GetFuncType([.. parameters.Select(p => p.Type), typeof(IQueryable<T>)]);
        var compile = CompileMethods.First(m => m.GetGenericArguments().Length == parameters.Length + 1)
            .MakeGenericMethod([.. parameters.Select(p => p.Type), typeof(T)]);
        var compiled = (Delegate)compile.Invoke(null, [Expression.Lambda(queryType, body, parameters)])!;

        // (db, arguments) => compiled(db, (T1)arguments[0], …): one typed call, made once.
        var db = Expression.Parameter(typeof(DbContext), "db");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var run = Expression.Lambda<Func<DbContext, object?[], IAsyncEnumerable<T>>>(Expression.Invoke(Expression.Constant(compiled),
            [db, .. lifted.Parameters.Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.Type))]), db, arguments);
        return new Compiled(run.Compile(), [.. lifted.Values]);
    }

    private sealed record Compiled(Delegate Run, object?[] Values);

    /// <summary>Makes each <see cref="QueryParameter"/> a parameter of its own, after the parent keys' place.</summary>
    private sealed class ParameterLifter(ParameterExpression keys) : ExpressionVisitor
    {
        private readonly Dictionary<object, ParameterExpression> _lifted = new(ReferenceEqualityComparer.Instance);

        public List<ParameterExpression> Parameters { get; } = [keys];
        public List<object?> Values { get; } = [null];

        protected override Expression VisitMember(MemberExpression node)
        {
            if (QueryParameter.ValueOf(node) is not var (box, value)) return base.VisitMember(node);
            if (_lifted.TryGetValue(box, out var known)) return known;
            var parameter = Expression.Parameter(node.Type, $"p{Parameters.Count}");
            Parameters.Add(parameter);
            Values.Add(value);
            return _lifted[box] = parameter;
        }
    }
}
