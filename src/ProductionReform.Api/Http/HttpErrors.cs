using System.Globalization;
using GraphQL;
using Microsoft.AspNetCore.Connections;
using Npgsql;
using ProductionReform.Data;
using ProductionReform.Interchange.Import;
using ProductionReform.GraphQL.Data;

namespace ProductionReform.Api.Http;

/// <summary>
/// GraphQL-shaped JSON errors for every HTTP endpoint, and the one way each of them (<c>/graphql</c>, export, import, and
/// the pipeline around them) answers an exception: <see cref="GuardAsync"/>.
/// </summary>
public static class HttpErrors
{
    /// <summary>The message of every <c>INTERNAL_ERROR</c>.</summary>
    public const string InternalErrorMessage = "An internal error occurred.";

    private const string LoggerCategory = "ProductionReform.Api.Requests";

    public static Task WriteAsync(HttpContext context, int statusCode, ExecutionError error) =>
        GraphQLResponseWriter.WriteErrorAsync(context, statusCode, GraphQLResponseFormat.Json.ContentType, error);

    /// <summary>An unexpected fault: no details for the client, the correlation id that finds them in the log.</summary>
    public static ExecutionError Internal(HttpContext context) => new(InternalErrorMessage)
    {
        Code = ErrorCodes.InternalError,
        Extensions = new Dictionary<string, object?> { ["correlationId"] = context.TraceIdentifier },
    };

    /// <summary>
    /// <c>DATABASE_UNAVAILABLE</c>, answered with 503 and <c>Retry-After</c>. The pooled connections are dropped with it: a
    /// restarted server no longer knows them, and the first request after it is back must open fresh ones, not fail on them.
    /// </summary>
    public static ExecutionError DatabaseUnavailable()
    {
        NpgsqlConnection.ClearAllPools();
        return new ExecutionError(DatabaseFaults.UnavailableMessage)
        {
            Code = ErrorCodes.DatabaseUnavailable,
            Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = DatabaseFaults.RetryAfterSeconds },
        };
    }

    /// <summary>Sets 503 and <c>Retry-After</c> on a response that answers <see cref="DatabaseUnavailable"/>.</summary>
    public static void MarkUnavailable(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs an endpoint and answers whatever it throws (<see cref="WriteFaultAsync"/>). <paramref name="what"/> names the
    /// work in the log; <paramref name="conflict"/>, for an endpoint that writes, words the 409 of a collision with another
    /// writer from the constraint or cause.
    /// </summary>
    public static async Task GuardAsync(HttpContext context, string what, Func<Task> endpoint, Func<string, string>? conflict = null)
    {
        try
        {
            await endpoint();
        }
        catch (Exception exception)
        {
            await WriteFaultAsync(context, exception, what, conflict);
        }
    }

    /// <summary>
    /// Answers an exception an endpoint did not handle itself:
    /// <list type="bullet">
    /// <item>a file over an import limit: 413 <c>LIMIT_EXCEEDED</c> with <c>limit</c>, <c>maximum</c>, <c>measured</c>;</item>
    /// <item>an argument the data layer refused (<see cref="DataError"/>): 400 with that error;</item>
    /// <item>a key taken, a related record deleted or a serialization lost to another writer, when the endpoint words it
    /// (<paramref name="conflict"/>): 409 <c>CONFLICT</c>;</item>
    /// <item>a client that went away: logged at Information (no stack trace), no answer;</item>
    /// <item>an unavailable database: 503 <c>DATABASE_UNAVAILABLE</c> with <c>Retry-After</c>, logged as a warning;</item>
    /// <item>anything else: logged as an error, 500 <c>INTERNAL_ERROR</c>.</item>
    /// </list>
    /// A response already under way is cut off so that the client never takes it for whole.
    /// </summary>
    public static async Task WriteFaultAsync(HttpContext context, Exception exception, string what, Func<string, string>? conflict = null)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var (statusCode, error) = exception switch
        {
            ImportLimitExceededException limit => (StatusCodes.Status413PayloadTooLarge, LimitExceeded(limit)),
            DataError refused => (StatusCodes.Status400BadRequest, refused),
            _ when conflict is not null && Collision(exception) is { } collision => (StatusCodes.Status409Conflict,
                new ExecutionError(conflict(collision)) { Code = ErrorCodes.Conflict }),
            _ when ClientGone(context, exception) => (0, null),
            _ when DatabaseFaults.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, DatabaseUnavailable()),
            _ => (StatusCodes.Status500InternalServerError, Internal(context)),
        };
        switch (statusCode)
        {
            case 0:
                logger.LogInformation("{What}: the client went away ({Reason}); correlation id {CorrelationId}",
                    what, exception.Message, context.TraceIdentifier);
                return;
            case StatusCodes.Status503ServiceUnavailable:
                logger.LogWarning("{What}: the database is unavailable ({Reason}); correlation id {CorrelationId}",
                    what, exception.Message, context.TraceIdentifier);
                break;
            case StatusCodes.Status500InternalServerError:
                logger.LogError(exception, "{What} failed; correlation id {CorrelationId}", what, context.TraceIdentifier);
                break;
        }
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        if (statusCode == StatusCodes.Status503ServiceUnavailable)
            MarkUnavailable(context.Response);
        await WriteAsync(context, statusCode, error!);
    }

    /// <summary>
    /// Around the whole pipeline: an unavailable database or a vanished client met outside the endpoints (while a key is
    /// looked up, say) is answered as <see cref="WriteFaultAsync"/> does; other exceptions go on to the server's own handling.
    /// </summary>
    public static IApplicationBuilder UseFaultAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (ClientGone(context, e) || DatabaseFaults.IsUnavailable(e))
        {
            await WriteFaultAsync(context, e, $"{context.Request.Method} {context.Request.Path}");
        }
    });

    /// <summary>
    /// The client went away (closed the connection, cut the body short): nobody is there to answer, and it is no fault of ours.
    /// </summary>
    private static bool ClientGone(HttpContext context, Exception exception) =>
        context.RequestAborted.IsCancellationRequested
        || exception is ConnectionResetException or BadHttpRequestException { Message: "Unexpected end of request content." }
        || exception.InnerException is ConnectionResetException;

    /// <summary>A unique key taken or a related record deleted meanwhile (the constraint), or a lost serialization; else null.</summary>
    private static string? Collision(Exception e) => (e as PostgresException ?? e.InnerException as PostgresException) switch
    {
        { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } constraint => constraint.ConstraintName,
        { SqlState: PostgresErrorCodes.SerializationFailure } => "a concurrent write to the same records",
        _ => null,
    };

    private static ExecutionError LimitExceeded(ImportLimitExceededException limit) => new(limit.Message)
    {
        Code = ErrorCodes.LimitExceeded,
        Extensions = new Dictionary<string, object?>
        {
            ["limit"] = limit.Limit,
            ["maximum"] = limit.Maximum,
            ["measured"] = limit.Measured,
        },
    };
}
