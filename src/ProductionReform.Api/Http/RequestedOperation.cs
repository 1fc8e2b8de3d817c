using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;

namespace ProductionReform.Api.Http;

/// <summary>The type of the operation a request selects, told from its text before it runs (a GET may only query).</summary>
public static class RequestedOperation
{
    /// <summary>
    /// The operation's type, or <see langword="null"/> when that cannot be told (no query text, a syntax error, an unknown
    /// or ambiguous operation name): the executer then reports the problem itself without executing anything.
    /// </summary>
    public static OperationType? TypeOf(GraphQLRequest request)
    {
        if (request.Query == null)
            return null;
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, new ParserOptions { Ignore = IgnoreOptions.All });
        }
        catch (Exception)
        {
            return null;
        }

        GraphQLOperationDefinition? match = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
                continue;
            if (request.OperationName == null)
            {
                if (match != null)
                    return null;
                match = operation;
            }
            else if (operation.Name is { } name && name.Value.Span.SequenceEqual(request.OperationName.AsSpan()))
            {
                return operation.Operation;
            }
        }
        return match?.Operation;
    }
}
