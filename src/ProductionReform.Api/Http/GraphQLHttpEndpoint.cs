using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using ProductionReform.Api.Subscriptions;

namespace ProductionReform.Api.Http;

/// <summary>
/// The GraphQL-over-HTTP transport (https://graphql.github.io/graphql-over-http/draft/): the order of its steps. Reading
/// is <see cref="GraphQLRequestReader"/> and <see cref="GraphQLRequestBody"/>, negotiation
/// <see cref="GraphQLResponseFormat"/>, running <see cref="GraphQLRequestExecutor"/>, writing
/// <see cref="GraphQLResponseWriter"/>, faults <see cref="HttpErrors"/>.
/// <list type="bullet">
/// <item><c>POST</c> with <c>Content-Type: application/json</c>: a request object
/// <c>{query, operationName, variables, extensions, documentId}</c>, or an array of them (a batch,
/// answered with an array).</item>
/// <item><c>GET ?query=&amp;operationName=&amp;variables=&lt;json&gt;&amp;extensions=&lt;json&gt;</c>:
/// queries only; a mutation or subscription answers 405 with <c>Allow: POST</c>.</item>
/// <item><c>GET</c> from a browser (Accept names <c>text/html</c>) without <c>query</c>: the <see cref="GraphiQLPage"/>.</item>
/// <item>A WebSocket upgrade: graphql-transport-ws (<see cref="GraphQLWebSocketSession"/>); <c>Accept: text/event-stream</c>:
/// GraphQL over server-sent events (<see cref="GraphQLEventStream"/>) — the subscription transports.</item>
/// </list>
/// Transport errors (bad JSON, missing query, bad variables, unsupported Content-Type, method) are GraphQL-shaped
/// (<c>{"errors":[{"message","extensions":{"code"}}]}</c>, codes in <see cref="ErrorCodes"/>).
/// </summary>
public static class GraphQLHttpEndpoint
{
    private static readonly GraphQLHttpOptions DefaultOptions = new();

    /// <summary>Handles one HTTP request to the GraphQL endpoint.</summary>
    public static Task HandleAsync(HttpContext context) =>
        HttpErrors.GuardAsync(context, "GraphQL request", () => HandleCoreAsync(context));

    private static async Task HandleCoreAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocketSession.RunAsync(context);
            return;
        }
        var options = context.RequestServices.GetService<GraphQLHttpOptions>() ?? DefaultOptions;
        var request = context.Request;
        bool isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            var refusal = new TransportRefusal(StatusCodes.Status405MethodNotAllowed, new ExecutionError(
                $"The HTTP method {request.Method} is not allowed here; use GET (queries only) or POST.")
            { Code = ErrorCodes.HttpMethodNotAllowed }, Allow: "GET, POST");
            await GraphQLResponseWriter.WriteRefusalAsync(context, refusal, GraphQLResponseFormat.Json.ContentType);
            return;
        }

        if (GraphiQLPage.IsRequested(request, options))
        {
            await GraphiQLPage.WriteAsync(context, options);
            return;
        }

        if (GraphQLEventStream.IsRequested(request))
        {
            await HandleEventStreamAsync(context, options, isGet);
            return;
        }

        if (GraphQLResponseFormat.Negotiate(request) is not { } format)
        {
            await GraphQLResponseWriter.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, GraphQLResponseFormat.Json.ContentType,
                new ExecutionError(
                    $"The Accept header admits neither \"{GraphQLResponseFormat.GraphQLResponseMediaType}\" nor \"application/json\".")
                { Code = ErrorCodes.NotAcceptable });
            return;
        }

        await (isGet ? HandleGetAsync(context, options, format) : HandlePostAsync(context, options, format));
    }

    private static async Task HandleGetAsync(HttpContext context, GraphQLHttpOptions options, GraphQLResponseFormat format)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var refusal = GraphQLRequestReader.ReadQueryString(context.Request.Query, serializer, out var request);
        if (refusal is null && await GraphQLRequestExecutor.ResolveAsync(context, options, request) is { } refused)
        {
            await WriteAsync(context, format, refused);
            return;
        }
        refusal ??= GraphQLRequestReader.QueryMissing(request) ?? OnlyQueriesOverGet(request);
        if (refusal is not null)
        {
            await GraphQLResponseWriter.WriteRefusalAsync(context, refusal, format.ContentType);
            return;
        }
        await GraphQLGetCaching.HandleAsync(context, format, () => GraphQLRequestExecutor.ExecuteAsync(context, options, request));
    }

    private static async Task HandlePostAsync(HttpContext context, GraphQLHttpOptions options, GraphQLResponseFormat format)
    {
        var (document, refusal) = await GraphQLRequestBody.ReadAsync(context, options);
        if (document is null)
        {
            await GraphQLResponseWriter.WriteRefusalAsync(context, refusal!, format.ContentType);
            return;
        }
        using (document)
        {
            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                await HandleBatchAsync(context, options, serializer, root, format);
                return;
            }
            if (GraphQLRequestReader.ReadJson(root, serializer, out var request) is { } invalid)
            {
                await GraphQLResponseWriter.WriteRefusalAsync(context, invalid, format.ContentType);
                return;
            }
            await WriteAsync(context, format, await GraphQLRequestExecutor.ResolveAndExecuteAsync(context, options, request!));
        }
    }

    /// <summary>GraphQL over server-sent events: one request (GET or POST, no batch), answered as a stream of results.</summary>
    private static async Task HandleEventStreamAsync(HttpContext context, GraphQLHttpOptions options, bool isGet)
    {
        var json = GraphQLResponseFormat.Json.ContentType;
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        GraphQLRequest? request = null;
        TransportRefusal? refusal;
        if (isGet)
        {
            refusal = GraphQLRequestReader.ReadQueryString(context.Request.Query, serializer, out var read)
                ?? GraphQLRequestReader.QueryMissing(read);
            request = read;
        }
        else
        {
            var (document, bodyRefusal) = await GraphQLRequestBody.ReadAsync(context, options);
            using (document)
            {
                if (bodyRefusal is not null)
                {
                    refusal = bodyRefusal;
                }
                else if (document!.RootElement.ValueKind == JsonValueKind.Array)
                {
                    refusal = TransportRefusal.BadRequest("An event stream answers one request object, not a batch.",
                        ErrorCodes.InvalidRequest);
                }
                else
                {
                    refusal = GraphQLRequestReader.ReadJson(document.RootElement, serializer, out request);
                }
            }
        }
        if (refusal is not null)
        {
            await GraphQLResponseWriter.WriteRefusalAsync(context, refusal, json);
            return;
        }
        await GraphQLEventStream.StreamAsync(context, request!);
    }

    private static async Task HandleBatchAsync(HttpContext context, GraphQLHttpOptions options, IGraphQLTextSerializer serializer,
        JsonElement batch, GraphQLResponseFormat format)
    {
        int count = batch.GetArrayLength();
        if (RefuseBatch(options, count) is { } refusal)
        {
            await GraphQLResponseWriter.WriteRefusalAsync(context, refusal, format.ContentType);
            return;
        }

        // Sequentially: the operations of one HTTP request share its scoped services (e.g. a DbContext).
        var results = new ExecutionResult[count];
        int i = 0;
        foreach (var item in batch.EnumerateArray())
        {
            results[i++] = GraphQLRequestReader.ReadJson(item, serializer, out var request) is { } invalid
                ? GraphQLResponseWriter.ErrorResult(invalid.Error)
                : await GraphQLRequestExecutor.ResolveAndExecuteAsync(context, options, request!);
        }
        await GraphQLResponseWriter.WriteResultAsync(context, StatusCodes.Status200OK, format.ContentType, results);
    }

    private static TransportRefusal? RefuseBatch(GraphQLHttpOptions options, int count)
    {
        if (!options.EnableBatching)
        {
            return TransportRefusal.BadRequest("Batched requests (a JSON array) are not accepted here; send one request object.",
                ErrorCodes.BatchingDisabled);
        }
        if (count == 0)
        {
            return TransportRefusal.BadRequest("The batch is empty; send a JSON array of one or more request objects.",
                ErrorCodes.InvalidRequest);
        }
        if (count > options.MaxBatchSize)
        {
            return TransportRefusal.BadRequest($"The batch holds {count} requests; the maximum is {options.MaxBatchSize}.",
                ErrorCodes.BatchTooLarge);
        }
        return null;
    }

    private static TransportRefusal? OnlyQueriesOverGet(GraphQLRequest request)
    {
        if (RequestedOperation.TypeOf(request) is not { } type || type == OperationType.Query)
            return null;
        var kind = type == OperationType.Mutation ? "mutation" : "subscription";
        return new TransportRefusal(StatusCodes.Status405MethodNotAllowed, new ExecutionError(
            $"A {kind} cannot be sent with GET; only queries can. Send it with POST.")
        { Code = ErrorCodes.HttpMethodNotAllowed }, Allow: "POST");
    }

    private static Task WriteAsync(HttpContext context, GraphQLResponseFormat format, ExecutionResult result) =>
        GraphQLResponseWriter.WriteResultAsync(context, format.StatusCodeFor(result, context.Response), format.ContentType, result);
}
