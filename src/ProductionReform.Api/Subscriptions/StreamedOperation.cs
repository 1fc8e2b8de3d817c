using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using ProductionReform.Api.Http;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// An operation sent over a streaming transport (WebSocket, event stream), run through the same pipeline as
/// <c>POST /graphql</c> (persisted queries, validation, limits, roles): a query or mutation answers one
/// <see cref="Result"/>; a subscription answers its <see cref="Events"/>, holding one of the caller's
/// <see cref="SubscriptionSlots"/> until disposed.
/// </summary>
public sealed class StreamedOperation : IDisposable
{
    private readonly IDisposable? _slot;

    private StreamedOperation(ExecutionResult result, IObservable<ExecutionResult>? events, IDisposable? slot)
    {
        Result = result;
        Events = events;
        _slot = slot;
    }

    /// <summary>The answer of a query or mutation, or the refusal of any operation (no <c>data</c>, not executed).</summary>
    public ExecutionResult Result { get; }

    /// <summary>A subscription's results, one per event; null for a query, a mutation or a refusal.</summary>
    public IObservable<ExecutionResult>? Events { get; }

    /// <summary>Subscribes to <see cref="Events"/>; from then on the subscription counts as listening.</summary>
    public IDisposable Subscribe(IObserver<ExecutionResult> observer)
    {
        var subscription = Events!.Subscribe(observer);
        SubscriptionSlots.Listen(_slot!);
        return subscription;
    }

    public static async Task<StreamedOperation> StartAsync(HttpContext context, GraphQLRequest request)
    {
        var options = context.RequestServices.GetService<GraphQLHttpOptions>() ?? new GraphQLHttpOptions();
        var result = await GraphQLRequestExecutor.ResolveAndExecuteAsync(context, options, request);
        if (result.Streams is not { Count: 1 } streams)
            return new StreamedOperation(result, null, null);

        var (slot, refusal) = context.RequestServices.GetRequiredService<SubscriptionSlots>().Take(RateLimiting.CallerOf(context));
        return refusal is not null
            ? new StreamedOperation(GraphQLResponseWriter.ErrorResult(refusal), null, null)
            : new StreamedOperation(result, streams.Values.Single(), slot);
    }

    /// <summary>An event's result as it is sent: internal faults replaced as in any answer (<c>INTERNAL_ERROR</c> …).</summary>
    public static ExecutionResult Sendable(ExecutionResult result, HttpContext context)
    {
        GraphQLRequestExecutor.ReplaceUnhandledErrors(result, context);
        return result;
    }

    /// <summary>A fault that ended an event stream, as the errors sent for it.</summary>
    public static ExecutionResult Sendable(Exception fault, HttpContext context) =>
        Sendable(new ExecutionResult { Errors = [fault as ExecutionError ?? new UnhandledError("The subscription failed.", fault)] },
            context);

    public void Dispose() => _slot?.Dispose();
}
