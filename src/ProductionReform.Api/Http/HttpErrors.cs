using GraphQL;
using Microsoft.AspNetCore.Connections;
using ProductionReform.Data;

namespace ProductionReform.Api.Http;

/// <summary>
/// GraphQL-shaped JSON errors for the HTTP endpoints beside <c>/graphql</c> (export, import, SDL), and how every endpoint
/// answers a fault.
/// </summary>
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

    /// <summary>
    /// <c>DATABASE_UNAVAILABLE</c>, answered with 503 and <c>Retry-After</c>. The pooled connections are dropped with it: a
    /// restarted server no longer knows them, and the first request after it is back must open fresh ones, not fail on them.
    /// </summary>
    public static ExecutionError DatabaseUnavailable()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        return new ExecutionError(DatabaseFaults.UnavailableMessage)
        {
            Code = DatabaseFaults.UnavailableCode,
            Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = DatabaseFaults.RetryAfterSeconds },
        };
    }

    /// <summary>Sets 503 and <c>Retry-After</c> on a response that answers <see cref="DatabaseUnavailable"/>.</summary>
    public static void MarkUnavailable(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The client went away (closed the connection, cut the body short): nobody is there to answer, and it is no fault of ours.
    /// </summary>
    public static bool ClientGone(HttpContext context, Exception exception) =>
        context.RequestAborted.IsCancellationRequested
        || exception is ConnectionResetException or BadHttpRequestException { Message: "Unexpected end of request content." }
        || exception.InnerException is ConnectionResetException;

    /// <summary>
    /// Answers an exception an endpoint did not expect: a client that went away is logged at Information (no stack trace,
    /// no answer); an unavailable database is 503 <c>DATABASE_UNAVAILABLE</c> with <c>Retry-After</c>, logged as a warning;
    /// anything else is logged as an error and answered 500 <c>INTERNAL_ERROR</c>. A response already under way is cut off
    /// so that the client never takes it for whole.
    /// </summary>
    public static async Task WriteFaultAsync(HttpContext context, Exception exception, ILogger logger, string what)
    {
        if (ClientGone(context, exception))
        {
            logger.LogInformation("{What}: the client went away ({Reason}); correlation id {CorrelationId}",
                what, exception.Message, context.TraceIdentifier);
            return;
        }
        var unavailable = DatabaseFaults.IsUnavailable(exception);
        if (unavailable)
            logger.LogWarning("{What}: the database is unavailable ({Reason}); correlation id {CorrelationId}",
                what, exception.Message, context.TraceIdentifier);
        else
            logger.LogError(exception, "{What} failed; correlation id {CorrelationId}", what, context.TraceIdentifier);
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        if (!unavailable)
        {
            await WriteAsync(context, StatusCodes.Status500InternalServerError, Internal(context));
            return;
        }
        MarkUnavailable(context.Response);
        await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, DatabaseUnavailable());
    }

    /// <summary>
    /// Around the whole pipeline: an unavailable database or a vanished client met outside the endpoints (while a key is
    /// looked up, say) is answered as <see cref="WriteFaultAsync"/> does; other exceptions go on to the server's own handling.
    /// </summary>
    public static IApplicationBuilder UseFaultAnswers(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("ProductionReform.Api.Requests");
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (ClientGone(context, e) || DatabaseFaults.IsUnavailable(e))
            {
                await WriteFaultAsync(context, e, logger, $"{context.Request.Method} {context.Request.Path}");
            }
        });
    }
}
