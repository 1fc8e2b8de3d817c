using System.Text.Json;
using GraphQL;

namespace ProductionReform.Api.Http;

/// <summary>Writes results and errors in the GraphQL response shape with the DI-registered <see cref="IGraphQLTextSerializer"/>.</summary>
public static class GraphQLResponseWriter
{
    /// <summary>A result that never ran: the error alone, no <c>data</c>.</summary>
    public static ExecutionResult ErrorResult(ExecutionError error)
        => new() { Executed = false, Errors = new ExecutionErrors { error } };

    /// <summary>Writes a result, or an array of results (a batch).</summary>
    public static async Task WriteResultAsync<T>(HttpContext context, int statusCode, string contentType, T value)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        await serializer.WriteAsync(context.Response.Body, value, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string contentType, ExecutionError error)
    {
        if (context.RequestServices.GetService<IGraphQLTextSerializer>() is null)
        {
            // No serializer registered (a setup fault): still answer in the GraphQL error shape.
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = contentType;
            var body = new { errors = new[] { new { message = error.Message, extensions = error.Extensions } } };
            return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
        }
        return WriteResultAsync(context, statusCode, contentType, ErrorResult(error));
    }

    public static Task WriteRefusalAsync(HttpContext context, TransportRefusal refusal, string contentType)
    {
        if (refusal.Allow is { } allow)
            context.Response.Headers.Allow = allow;
        return WriteErrorAsync(context, refusal.StatusCode, contentType, refusal.Error);
    }
}
