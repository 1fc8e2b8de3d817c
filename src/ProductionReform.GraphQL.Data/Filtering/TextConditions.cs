using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ProductionReform.GraphQL.Data.Expressions;

namespace ProductionReform.GraphQL.Data.Filtering;

/// <summary>
/// The text conditions that ignore case, as ILIKE patterns built from the user's text with <c>%</c>, <c>_</c> and <c>\</c>
/// escaped (so they match themselves), and <c>matches</c>, the rule of <c>search</c>. Values travel as parameters.
/// </summary>
internal static class TextConditions
{
    private static readonly MethodInfo ILikeEscaped = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ILikeDefaultEscape = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo TrigramsAreSimilar = typeof(NpgsqlTrigramsDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlTrigramsDbFunctionsExtensions.TrigramsAreSimilar), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public static Expression Contains(Expression text, string value) => Like(text, "%" + LikePattern.Escape(value) + "%");

    public static Expression StartsWith(Expression text, string value) => Like(text, LikePattern.Escape(value) + "%");

    public static Expression EndsWith(Expression text, string value) => Like(text, "%" + LikePattern.Escape(value));

    /// <summary>Equal ignoring case: ILIKE with no wildcard, so case folds as in <c>contains</c>.</summary>
    public static Expression EqualsIgnoringCase(Expression text, string value) => Like(text, LikePattern.Escape(value));

    /// <summary>
    /// Equal to one of <paramref name="values"/> ignoring case: <c>text ILIKE ANY (@patterns)</c>, one array parameter.
    /// That form takes no ESCAPE clause; PostgreSQL's default escape character is the backslash the patterns are escaped with.
    /// </summary>
    public static Expression InIgnoringCase(Expression text, IEnumerable<string> values)
    {
        var patterns = QueryParameter.Of(values.Select(LikePattern.Escape).ToArray(), typeof(string[]));
        var pattern = Expression.Parameter(typeof(string), "pattern");
        var matches = Expression.Lambda(Expression.Call(ILikeDefaultEscape, Expression.Constant(EF.Functions), text, pattern), pattern);
        return Linq.Any(patterns, typeof(string), matches);
    }

    /// <summary>
    /// As <c>search</c> matches: the text contains the value ignoring case, or is similar to it by pg_trgm (<c>%</c>, above
    /// <c>pg_trgm.similarity_threshold</c>); both are served by the column's trigram GIN index.
    /// </summary>
    public static Expression Matches(Expression text, string value) =>
        Expression.OrElse(Contains(text, value),
            Expression.Call(TrigramsAreSimilar, Expression.Constant(EF.Functions), text, QueryParameter.Of(value, typeof(string))));

    /// <summary>The negation of a text condition: a null text matches nothing, so the negation holds for it.</summary>
    public static Expression Not(Expression text, Expression condition) =>
        Expression.OrElse(Expression.Equal(text, Expression.Constant(null, typeof(string))), Expression.Not(condition));

    private static Expression Like(Expression text, string pattern) =>
        Expression.Call(ILikeEscaped, Expression.Constant(EF.Functions), text, QueryParameter.Of(pattern, typeof(string)),
            Expression.Constant("\\"));
}
