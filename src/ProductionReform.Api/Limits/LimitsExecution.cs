using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Http;
using ProductionReform.Api.Observability;
using ProductionReform.Data;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Around every GraphQL operation: the execution timeout (GraphQL.NET links it with the request's
/// cancellation, so EF/Npgsql cancel the running command), <c>extensions.cost</c> when the request asks
/// (<c>"extensions": {"cost": true}</c>), and the operation's activity and metrics.
/// </summary>
public sealed class LimitsExecution(IOptions<LimitsOptions> options, ILogger<LimitsExecution> logger) : IConfigureExecution
{
    public const string CostExtension = "cost";

    private readonly LimitsOptions _limits = options.Value;

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = RegistryTelemetry.Source.StartActivity("GraphQL operation");
        var timeout = _limits.Enabled && _limits.ExecutionTimeout > TimeSpan.Zero ? _limits.ExecutionTimeout : (TimeSpan?)null;
        if (timeout is { } limit)
        {
            options.Timeout = limit;
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
        }

        var result = await next(options);

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (timeout is { } maximum && result.Errors is { } errors && errors.Any(TimedOut))
        {
            var replaced = new ExecutionErrors();
            foreach (var error in errors)
                replaced.Add(TimedOut(error) ? LimitExceededError.Timeout(maximum, elapsed) : error);
            result.Errors = replaced;
        }

        long? cost = options.UserContext?.TryGetValue(RequestLimitsRule.CostKey, out var value) == true && value is long c ? c : null;
        if (cost is { } computed && options.Extensions?.TryGetValue(CostExtension, out var asked) == true && asked is true)
            (result.Extensions ??= [])[CostExtension] = computed;

        Record(activity, options, result, cost, elapsed);
        return result;
    }

    /// <summary>
    /// GraphQL.NET's own timeout, or the database command's backstop timeout when it fires first: the same
    /// limit, reported the same way rather than as an internal error. Waiting in vain for a pooled connection is not
    /// this limit but an unavailable database.
    /// </summary>
    private static bool TimedOut(ExecutionError error) =>
        error is TimeoutError
        || (DatabaseFaults.IsTimeout(error.InnerException) && !DatabaseFaults.IsUnavailable(error.InnerException));

    private void Record(Activity? activity, ExecutionOptions options, ExecutionResult result, long? cost, TimeSpan elapsed)
    {
        var operationName = result.Operation?.Name?.StringValue ?? options.OperationName;
        var operationType = result.Operation?.Operation.ToString().ToLowerInvariant();
        var refusedFor = result.Errors?.FirstOrDefault(e => e.Code == ErrorCodes.LimitExceeded)?.Extensions?["limit"] as string;

        if (activity is not null)
        {
            activity.DisplayName = operationName is null ? "GraphQL operation" : $"{operationType ?? "query"} {operationName}";
            activity.SetTag("graphql.operation.name", operationName);
            activity.SetTag("graphql.operation.type", operationType);
            activity.SetTag("graphql.document.cost", cost);
            activity.SetTag("graphql.errors", result.Errors?.Count ?? 0);
            if (refusedFor is not null)
                activity.SetTag("graphql.limit.refused", refusedFor);
            if (result.Errors is { Count: > 0 } errors)
                activity.SetStatus(ActivityStatusCode.Error, errors[0].Code);
        }

        var tags = new TagList { { "graphql.operation.type", operationType ?? "unknown" } };
        RegistryTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        if (cost is { } measured)
            RegistryTelemetry.OperationCost.Record(measured, tags);
        if (refusedFor is not null)
        {
            RegistryTelemetry.LimitRefusals.Add(1, new KeyValuePair<string, object?>("limit", refusedFor));
            logger.LogInformation("GraphQL operation {OperationName} refused for {Limit}", operationName, refusedFor);
        }
        else
        {
            logger.LogDebug("GraphQL {OperationType} {OperationName}: cost {Cost}, {ErrorCount} errors, {ElapsedMs:0.0} ms",
                operationType, operationName, cost, result.Errors?.Count ?? 0, elapsed.TotalMilliseconds);
        }
    }
}
