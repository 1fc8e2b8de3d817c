using GraphQL;

namespace ProductionReform.Api.Http;

/// <summary>GraphQL-shaped JSON errors for the HTTP endpoints beside <c>/graphql</c> (export, import, SDL).</summary>
public static class HttpErrors
{
    public static async Task WriteAsync(HttpContext context, int statusCode, ExecutionError error)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Executed = false, Errors = new ExecutionErrors { error } }, context.RequestAborted);
    }

    /// <summary>An unexpected fault: no details for the client, the correlation id that finds them in the log.</summary>
    public static ExecutionError Internal(HttpContext context) => new(GraphQLHttpEndpoint.InternalErrorMessage)
    {
        Code = GraphQLHttpErrorCodes.InternalError,
        Extensions = new Dictionary<string, object?> { ["correlationId"] = context.TraceIdentifier },
    };
}
