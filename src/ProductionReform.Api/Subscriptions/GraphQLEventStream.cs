using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProductionReform.Api.Limits;

namespace ProductionReform.Api.Subscriptions;

/// <summary>
/// GraphQL over server-sent events, graphql-sse's "distinct connections" mode
/// (https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md): a <c>GET</c> or <c>POST</c> to <c>/graphql</c> whose
/// <c>Accept</c> names <c>text/event-stream</c> is answered with a stream of <c>event: next</c> (one result each) and a final
/// <c>event: complete</c>; the client ends a subscription by closing the request. Once the request is read, refusals
/// (validation, roles, limits) are streamed as a <c>next</c> with the errors, as the reference server does; a comment line
/// every <see cref="SubscriptionLimits.KeepAlive"/> keeps proxies from closing a quiet stream.
/// </summary>
public static class GraphQLEventStream
{
    public const string MediaType = "text/event-stream";

    /// <summary>Whether the Accept header asks for an event stream.</summary>
    public static bool IsRequested(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(value => value.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && value.Quality is not 0);

    public static async Task StreamAsync(HttpContext context, GraphQLRequest request)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = MediaType + "; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not hold the events back
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var keepAlive = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.Subscriptions.KeepAlive;
        await response.StartAsync(context.RequestAborted);

        using var operation = await StreamedOperation.StartAsync(context, request);
        if (operation.Events is null)
        {
            await WriteAsync(response, "next", serializer.Serialize(operation.Result), context.RequestAborted);
            await WriteAsync(response, "complete", "", context.RequestAborted);
            return;
        }

        var results = Channel.CreateUnbounded<ExecutionResult>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = operation.Subscribe(new ChannelObserver(results.Writer, context));
        try
        {
            await ForwardAsync(context, results.Reader, serializer, keepAlive);
            await WriteAsync(response, "complete", "", context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how it ends a subscription.
        }
    }

    private static async Task ForwardAsync(HttpContext context, ChannelReader<ExecutionResult> results, IGraphQLTextSerializer serializer,
        TimeSpan keepAlive)
    {
        var aborted = context.RequestAborted;
        while (true)
        {
            var waiting = results.WaitToReadAsync(aborted).AsTask();
            if (keepAlive > TimeSpan.Zero)
            {
                while (await Task.WhenAny(waiting, Task.Delay(keepAlive, aborted)) != waiting)
                {
                    await context.Response.WriteAsync(":\n\n", aborted);
                    await context.Response.Body.FlushAsync(aborted);
                }
            }
            if (!await waiting) return;
            while (results.TryRead(out var result))
                await WriteAsync(context.Response, "next", serializer.Serialize(result), aborted);
        }
    }

    private static async Task WriteAsync(HttpResponse response, string name, string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync(new StringBuilder("event: ").Append(name).Append("\ndata: ").Append(data).Append("\n\n").ToString(),
            Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> results, HttpContext context) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => results.TryWrite(StreamedOperation.Sendable(value, context));

        public void OnError(Exception error)
        {
            results.TryWrite(StreamedOperation.Sendable(error, context));
            results.TryComplete();
        }

        public void OnCompleted() => results.TryComplete();
    }
}
