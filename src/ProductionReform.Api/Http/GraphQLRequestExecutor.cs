using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using ProductionReform.Api.Replication;
using ProductionReform.Data;

namespace ProductionReform.Api.Http;

/// <summary>
/// Runs a <see cref="GraphQLRequest"/> with the DI-registered <see cref="IDocumentExecuter{TSchema}"/> of
/// <see cref="ISchema"/>. An exception a resolver throws is logged and answered as <c>INTERNAL_ERROR</c> with
/// <c>extensions.correlationId</c> = <see cref="HttpContext.TraceIdentifier"/>, or <c>DATABASE_UNAVAILABLE</c>.
/// </summary>
public static class GraphQLRequestExecutor
{
    private const string LoggerCategory = "ProductionReform.Api.Http.GraphQLHttpEndpoint";

    /// <summary>Runs <see cref="GraphQLHttpOptions.ResolveRequest"/>: null to go on, else the refusal as a result.</summary>
    public static async ValueTask<ExecutionResult?> ResolveAsync(HttpContext context, GraphQLHttpOptions options, GraphQLRequest request)
        => options.ResolveRequest is { } resolve && await resolve(request, context) is { } error
            ? GraphQLResponseWriter.ErrorResult(error)
            : null;

    /// <summary><see cref="ResolveAsync"/>, then, unless that refused, the execution.</summary>
    public static async Task<ExecutionResult> ResolveAndExecuteAsync(HttpContext context, GraphQLHttpOptions options,
        GraphQLRequest request)
        => await ResolveAsync(context, options, request) ?? await ExecuteAsync(context, options, request);

    public static async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLHttpOptions options, GraphQLRequest request)
    {
        var result = await ExecuteOnceAsync(context, options, request);
        // A query that met an unavailable database runs once more: the pool (cleared with the answer) may have held
        // connections a restarted server no longer knows, and reads are safe to repeat. When the database is really gone
        // it fails as fast. A standby that failed it, or cancelled it for the WAL it replays, is left for the primary.
        var route = context.RequestServices.GetService<ReadRoute>();
        if (result.Operation?.Operation == OperationType.Query && result.Errors?.Any(e => e.Code == ErrorCodes.DatabaseUnavailable
                || (route?.Served == ReadRoute.Standby && DatabaseFaults.IsConflictWithAnother(e.InnerException))) == true)
        {
            route?.LeaveStandby();
            result = await ExecuteOnceAsync(context, options, request);
        }
        return result;
    }

    private static async Task<ExecutionResult> ExecuteOnceAsync(HttpContext context, GraphQLHttpOptions httpOptions, GraphQLRequest request)
    {
        var executer = context.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>();
        var options = new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            DocumentId = request.DocumentId,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
            UserContext = new Dictionary<string, object?>(),
        };
        httpOptions.ConfigureExecution?.Invoke(options, context);

        var result = await executer.ExecuteAsync(options);
        ReplaceUnhandledErrors(result, context);
        return result;
    }

    /// <summary>
    /// Replaces every <see cref="UnhandledError"/> (an exception that is not an <see cref="ExecutionError"/>, thrown by a
    /// resolver, during execution or for an event of a subscription) with <c>DATABASE_UNAVAILABLE</c> when that was the
    /// cause, else with a generic <c>INTERNAL_ERROR</c> that carries the correlation id, after logging the exception.
    /// </summary>
    public static void ReplaceUnhandledErrors(ExecutionResult result, HttpContext context)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => e is UnhandledError))
            return;

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var replaced = new ExecutionErrors();
        foreach (var error in errors)
            replaced.Add(error is UnhandledError unhandled ? Replacement(unhandled, context, logger) : error);
        result.Errors = replaced;
    }

    private static ExecutionError Replacement(UnhandledError unhandled, HttpContext context, ILogger logger)
    {
        var path = unhandled.Path == null ? null : string.Join('.', unhandled.Path);
        if (DatabaseFaults.IsUnavailable(unhandled.InnerException))
        {
            logger.LogWarning("The database is unavailable ({Message}) at path {Path}; correlation id {CorrelationId}",
                unhandled.InnerException!.Message, path, context.TraceIdentifier);
            var unavailable = HttpErrors.DatabaseUnavailable();
            unavailable.Path = unhandled.Path;
            return unavailable;
        }
        logger.LogError(unhandled.InnerException ?? unhandled,
            "Unhandled exception executing GraphQL ({Message}) at path {Path}; correlation id {CorrelationId}",
            unhandled.Message, path, context.TraceIdentifier);

        var internalError = HttpErrors.Internal(context);
        internalError.Path = unhandled.Path;
        foreach (var location in unhandled.Locations ?? [])
            internalError.AddLocation(location);
        return internalError;
    }
}
