using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Http;

namespace ProductionReform.Api.Limits;

/// <summary>
/// GraphQL.NET's document builder, except that a document nested deeper than the parser allows is refused
/// with <c>LIMIT_EXCEEDED</c> (limit <c>maxDepth</c>, measured: its nesting of braces, brackets and
/// parentheses) instead of escaping as an unhandled exception (an <c>INTERNAL_ERROR</c>, a 500).
/// </summary>
public sealed class LimitedDocumentBuilder(IOptions<LimitsOptions> limits) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new();

    public GraphQLDocument Build(string body)
    {
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            var measured = Nesting(body);
            throw new ExecutionError($"The document nests {measured} levels deep, deeper than the parser goes; "
                + $"the maximum depth is {limits.Value.MaxDepth}.")
            { Code = ErrorCodes.LimitExceeded }
                .AddExtension("limit", "maxDepth")
                .AddExtension("maximum", (long)limits.Value.MaxDepth)
                .AddExtension("measured", (long)measured);
        }
    }

    /// <summary>The deepest nesting of <c>{ [ (</c> outside strings and comments.</summary>
    internal static int Nesting(string body)
    {
        int depth = 0, deepest = 0;
        for (int i = 0; i < body.Length; i++)
        {
            switch (body[i])
            {
                case '{' or '[' or '(':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case '}' or ']' or ')':
                    depth = Math.Max(depth - 1, 0);
                    break;
                case '#':
                    while (i < body.Length && body[i] is not ('\n' or '\r')) i++;
                    break;
                case '"':
                    if (string.CompareOrdinal(body, i, "\"\"\"", 0, 3) == 0)
                    {
                        var end = body.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                        i = end < 0 ? body.Length : end + 2;
                    }
                    else
                    {
                        for (i++; i < body.Length && body[i] is not ('"' or '\n'); i++)
                            if (body[i] == '\\') i++;
                    }
                    break;
            }
        }
        return deepest;
    }
}
