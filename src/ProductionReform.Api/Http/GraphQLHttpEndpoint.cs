using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Http;

/// <summary>
/// The GraphQL-over-HTTP transport (https://graphql.github.io/graphql-over-http/draft/), executing
/// against the DI-registered <see cref="IDocumentExecuter{TSchema}"/> of <see cref="ISchema"/> and
/// writing with the DI-registered <see cref="IGraphQLTextSerializer"/>.
/// <list type="bullet">
/// <item><c>POST</c> with <c>Content-Type: application/json</c>: a request object
/// <c>{query, operationName, variables, extensions, documentId}</c>, or an array of them (a batch,
/// answered with an array).</item>
/// <item><c>GET ?query=&amp;operationName=&amp;variables=&lt;json&gt;&amp;extensions=&lt;json&gt;</c>:
/// queries only; a mutation or subscription answers 405 with <c>Allow: POST</c>.</item>
/// <item><c>GET</c> from a browser (Accept names <c>text/html</c>) without <c>query</c>: the GraphiQL page.</item>
/// </list>
/// The response is <c>application/graphql-response+json</c> when the Accept header prefers it (400
/// when the request did not reach execution, i.e. it failed to parse or validate), else
/// <c>application/json</c> with 200 (Accept missing, <c>*/*</c>, <c>application/*</c> or
/// <c>application/json</c>); 406 when Accept admits neither. Transport errors (bad JSON, missing
/// query, bad variables, unsupported Content-Type, method) are GraphQL-shaped
/// (<c>{"errors":[{"message","extensions":{"code"}}]}</c>, codes in <see cref="GraphQLHttpErrorCodes"/>).
/// Unexpected exceptions thrown by resolvers are logged and answered as
/// <c>INTERNAL_ERROR</c> with <c>extensions.correlationId</c> = <see cref="HttpContext.TraceIdentifier"/>.
/// </summary>
public static class GraphQLHttpEndpoint
{
    /// <summary><c>application/graphql-response+json</c>.</summary>
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    /// <summary>The message of every <c>INTERNAL_ERROR</c>.</summary>
    public const string InternalErrorMessage = "An internal error occurred.";

    private const string GraphQLResponseContentType = GraphQLResponseMediaType + "; charset=utf-8";
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string LoggerCategory = "ProductionReform.Api.Http.GraphQLHttpEndpoint";

    private static readonly GraphQLHttpOptions DefaultOptions = new();

    private enum ResponseFormat
    {
        Json,
        GraphQLResponseJson,
    }

    /// <summary>Handles one HTTP request to the GraphQL endpoint.</summary>
    public static async Task HandleAsync(HttpContext context)
    {
        var httpOptions = context.RequestServices.GetService<GraphQLHttpOptions>() ?? DefaultOptions;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        try
        {
            await HandleCoreAsync(context, httpOptions, logger);
        }
        catch (Exception ex)
        {
            await HttpErrors.WriteFaultAsync(context, ex, logger, "GraphQL request");
        }
    }

    private static async Task HandleCoreAsync(HttpContext context, GraphQLHttpOptions httpOptions, ILogger logger)
    {
        var request = context.Request;
        bool isGet = HttpMethods.IsGet(request.Method);
        bool isPost = HttpMethods.IsPost(request.Method);

        if (!isGet && !isPost)
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, JsonContentType,
                Error($"The HTTP method {request.Method} is not allowed here; use GET (queries only) or POST.",
                    GraphQLHttpErrorCodes.HttpMethodNotAllowed));
            return;
        }

        if (isGet && httpOptions.EnableGraphiQL && string.IsNullOrEmpty(request.Query["query"])
            && !request.Query.ContainsKey("documentId") && AcceptsHtml(request))
        {
            await WriteGraphiQLAsync(context, httpOptions);
            return;
        }

        var format = NegotiateResponseFormat(request);
        if (format == null)
        {
            await WriteErrorAsync(context, StatusCodes.Status406NotAcceptable, JsonContentType,
                Error($"The Accept header admits neither \"{GraphQLResponseMediaType}\" nor \"application/json\".",
                    GraphQLHttpErrorCodes.NotAcceptable));
            return;
        }
        var contentType = format == ResponseFormat.GraphQLResponseJson ? GraphQLResponseContentType : JsonContentType;

        if (isGet)
        {
            await HandleGetAsync(context, httpOptions, logger, format.Value, contentType);
        }
        else
        {
            await HandlePostAsync(context, httpOptions, logger, format.Value, contentType);
        }
    }

    private static async Task HandleGetAsync(HttpContext context, GraphQLHttpOptions httpOptions, ILogger logger,
        ResponseFormat format, string contentType)
    {
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var query = context.Request.Query;

        var graphQLRequest = new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            DocumentId = NullIfEmpty(query["documentId"]),
        };

        var variablesError = ReadJsonObjectParameter(serializer, NullIfEmpty(query["variables"]), "variables",
            GraphQLHttpErrorCodes.InvalidVariables, out var variables);
        var extensionsError = ReadJsonObjectParameter(serializer, NullIfEmpty(query["extensions"]), "extensions",
            GraphQLHttpErrorCodes.InvalidExtensions, out var extensions);
        var error = variablesError ?? extensionsError;
        if (error != null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, contentType, error);
            return;
        }
        graphQLRequest.Variables = variables;
        graphQLRequest.Extensions = extensions;

        if (Resolve(context, httpOptions, graphQLRequest) is { } refused)
        {
            await WriteResultAsync(context, serializer, StatusCodeFor(context, refused, format), contentType, refused);
            return;
        }

        error = CheckQueryPresent(graphQLRequest);
        if (error != null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, contentType, error);
            return;
        }

        var operationType = FindOperationType(graphQLRequest);
        if (operationType is { } type && type != OperationType.Query)
        {
            context.Response.Headers.Allow = "POST";
            var kind = type == OperationType.Mutation ? "mutation" : "subscription";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, contentType,
                Error($"A {kind} cannot be sent with GET; only queries can. Send it with POST.",
                    GraphQLHttpErrorCodes.HttpMethodNotAllowed));
            return;
        }

        var result = await ExecuteAsync(context, httpOptions, logger, graphQLRequest);
        await WriteResultAsync(context, serializer, StatusCodeFor(context, result, format), contentType, result);
    }

    private static async Task HandlePostAsync(HttpContext context, GraphQLHttpOptions httpOptions, ILogger logger,
        ResponseFormat format, string contentType)
    {
        var request = context.Request;
        if (!IsJsonContentType(request.ContentType))
        {
            await WriteErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, contentType,
                Error(string.IsNullOrEmpty(request.ContentType)
                        ? "The request has no Content-Type; send the GraphQL request as \"application/json\"."
                        : $"The Content-Type \"{request.ContentType}\" is not supported; send the GraphQL request as \"application/json\" (UTF-8).",
                    GraphQLHttpErrorCodes.UnsupportedMediaType));
            return;
        }

        if (httpOptions.MaxRequestBodySize is { } maxBodySize)
        {
            // A declared length over the limit is refused unread; the server enforces it on the stream.
            if (request.ContentLength > maxBodySize)
            {
                await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, contentType, TooLarge(httpOptions, request));
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySizeFeature)
                bodySizeFeature.MaxRequestBodySize = maxBodySize;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, contentType,
                Error($"The request body is not valid JSON: {ex.Message}", GraphQLHttpErrorCodes.InvalidJson));
            return;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, contentType, TooLarge(httpOptions, request));
            return;
        }

        using (document)
        {
            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            var root = document.RootElement;

            if (root.ValueKind == JsonValueKind.Array)
            {
                await HandleBatchAsync(context, httpOptions, logger, serializer, root, contentType);
                return;
            }

            var error = ReadRequest(serializer, root, out var graphQLRequest);
            if (error != null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, contentType, error);
                return;
            }

            var result = Resolve(context, httpOptions, graphQLRequest!) ?? await ExecuteAsync(context, httpOptions, logger, graphQLRequest!);
            await WriteResultAsync(context, serializer, StatusCodeFor(context, result, format), contentType, result);
        }
    }

    private static async Task HandleBatchAsync(HttpContext context, GraphQLHttpOptions httpOptions, ILogger logger,
        IGraphQLTextSerializer serializer, JsonElement batch, string contentType)
    {
        int count = batch.GetArrayLength();
        ExecutionError? error = null;
        if (!httpOptions.EnableBatching)
            error = Error("Batched requests (a JSON array) are not accepted here; send one request object.", GraphQLHttpErrorCodes.BatchingDisabled);
        else if (count == 0)
            error = Error("The batch is empty; send a JSON array of one or more request objects.", GraphQLHttpErrorCodes.InvalidRequest);
        else if (count > httpOptions.MaxBatchSize)
            error = Error($"The batch holds {count} requests; the maximum is {httpOptions.MaxBatchSize}.", GraphQLHttpErrorCodes.BatchTooLarge);
        if (error != null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, contentType, error);
            return;
        }

        // Sequentially: the operations of one HTTP request share its scoped services (e.g. a DbContext).
        var results = new ExecutionResult[count];
        int i = 0;
        foreach (var item in batch.EnumerateArray())
        {
            var itemError = ReadRequest(serializer, item, out var graphQLRequest);
            results[i++] = itemError != null
                ? ErrorResult(itemError)
                : Resolve(context, httpOptions, graphQLRequest!) ?? await ExecuteAsync(context, httpOptions, logger, graphQLRequest!);
        }

        await WriteResultAsync(context, serializer, StatusCodes.Status200OK, contentType, results);
    }

    /// <summary><c>REQUEST_TOO_LARGE</c> with the limit, its maximum and the declared length when known.</summary>
    private static ExecutionError TooLarge(GraphQLHttpOptions httpOptions, HttpRequest request)
    {
        var error = Error(httpOptions.MaxRequestBodySize is { } limit
                ? $"The request body is larger than the limit of {limit} bytes."
                : "The request body is larger than the server's limit.",
            GraphQLHttpErrorCodes.RequestTooLarge);
        error.AddExtension("limit", "maxRequestBodySize");
        if (httpOptions.MaxRequestBodySize is { } maximum)
            error.AddExtension("maximum", maximum);
        if (request.ContentLength is { } measured)
            error.AddExtension("measured", measured);
        return error;
    }

    /// <summary>Runs <see cref="GraphQLHttpOptions.ResolveRequest"/>: null to go on, else the refusal.</summary>
    private static ExecutionResult? Resolve(HttpContext context, GraphQLHttpOptions httpOptions, GraphQLRequest request)
        => httpOptions.ResolveRequest?.Invoke(request, context) is { } error ? ErrorResult(error) : null;

    private static async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLHttpOptions httpOptions,
        ILogger logger, GraphQLRequest request)
    {
        var result = await ExecuteOnceAsync(context, httpOptions, logger, request);
        // A query that met an unavailable database runs once more: the pool (cleared with the answer) may have held connections
        // a restarted server no longer knows, and reads are safe to repeat. When the database is really gone it fails as fast.
        if (result.Operation?.Operation == OperationType.Query && result.Errors?.Any(e => e.Code == DatabaseFaults.UnavailableCode) == true)
            result = await ExecuteOnceAsync(context, httpOptions, logger, request);
        return result;
    }

    private static async Task<ExecutionResult> ExecuteOnceAsync(HttpContext context, GraphQLHttpOptions httpOptions,
        ILogger logger, GraphQLRequest request)
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
        ReplaceUnhandledErrors(result, context, logger);
        return result;
    }

    /// <summary>
    /// Replaces every <see cref="UnhandledError"/> (an exception that is not an
    /// <see cref="ExecutionError"/>, thrown by a resolver or during execution) with a generic
    /// <c>INTERNAL_ERROR</c> that carries the correlation id, after logging the exception.
    /// </summary>
    private static void ReplaceUnhandledErrors(ExecutionResult result, HttpContext context, ILogger logger)
    {
        if (result.Errors is not { Count: > 0 } errors || !errors.Any(e => e is UnhandledError))
            return;

        var replaced = new ExecutionErrors();
        foreach (var error in errors)
        {
            if (error is not UnhandledError unhandled)
            {
                replaced.Add(error);
                continue;
            }

            var path = unhandled.Path == null ? null : string.Join('.', unhandled.Path);
            if (DatabaseFaults.IsUnavailable(unhandled.InnerException))
            {
                logger.LogWarning("The database is unavailable ({Message}) at path {Path}; correlation id {CorrelationId}",
                    unhandled.InnerException!.Message, path, context.TraceIdentifier);
                var unavailable = HttpErrors.DatabaseUnavailable();
                unavailable.Path = unhandled.Path;
                replaced.Add(unavailable);
                continue;
            }
            logger.LogError(unhandled.InnerException ?? unhandled,
                "Unhandled exception executing GraphQL ({Message}) at path {Path}; correlation id {CorrelationId}",
                unhandled.Message, path, context.TraceIdentifier);

            var internalError = InternalError(context.TraceIdentifier);
            internalError.Path = unhandled.Path;
            if (unhandled.Locations != null)
            {
                foreach (var location in unhandled.Locations)
                    internalError.AddLocation(location);
            }
            replaced.Add(internalError);
        }
        result.Errors = replaced;
    }

    /// <summary>
    /// 503 with <c>Retry-After</c> when the database was unavailable to any part of the request; else 200 unless the
    /// client asked for <c>application/graphql-response+json</c> and the request never reached execution (no
    /// <c>data</c>): then 400 for a request that failed to parse or validate, 500 when the only cause was an internal fault.
    /// </summary>
    private static int StatusCodeFor(HttpContext context, ExecutionResult result, ResponseFormat format)
    {
        if (result.Errors?.Any(e => e.Code == DatabaseFaults.UnavailableCode) == true)
        {
            HttpErrors.MarkUnavailable(context.Response);
            return StatusCodes.Status503ServiceUnavailable;
        }
        if (format == ResponseFormat.Json || result.Executed)
            return StatusCodes.Status200OK;
        bool onlyInternal = result.Errors is { Count: > 0 } errors
            && errors.All(e => e.Code == GraphQLHttpErrorCodes.InternalError && e.Extensions?.ContainsKey("correlationId") == true);
        return onlyInternal ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
    }

    // ---- request reading -------------------------------------------------------------------

    private static ExecutionError? ReadRequest(IGraphQLTextSerializer serializer, JsonElement element, out GraphQLRequest? request)
    {
        request = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Error("A GraphQL request must be a JSON object such as {\"query\": \"{ __typename }\"} (or a batch: an array of such objects).",
                GraphQLHttpErrorCodes.InvalidRequest);
        }
        if (UndecodableText(element, "") is { } undecodable)
            return undecodable;

        // Every field is read; the first problem (in this order) is reported.
        var queryError = ReadString(element, "query", out var query);
        var operationNameError = ReadString(element, "operationName", out var operationName);
        var documentIdError = ReadString(element, "documentId", out var documentId);
        var variablesError = ReadObject(serializer, element, "variables", GraphQLHttpErrorCodes.InvalidVariables, out var variables);
        var extensionsError = ReadObject(serializer, element, "extensions", GraphQLHttpErrorCodes.InvalidExtensions, out var extensions);
        var error = queryError ?? operationNameError ?? documentIdError ?? variablesError ?? extensionsError;
        if (error != null)
            return error;

        var candidate = new GraphQLRequest
        {
            Query = string.IsNullOrWhiteSpace(query) ? null : query,
            OperationName = string.IsNullOrEmpty(operationName) ? null : operationName,
            DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId,
            Variables = variables,
            Extensions = extensions,
        };
        error = CheckQueryPresent(candidate);
        if (error != null)
            return error;

        request = candidate;
        return null;
    }

    private static ExecutionError? ReadString(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return null;
        if (property.ValueKind != JsonValueKind.String)
        {
            return Error($"\"{name}\" must be a string, not {Describe(property.ValueKind)}.",
                GraphQLHttpErrorCodes.InvalidRequest);
        }
        value = property.GetString();
        return null;
    }

    private static ExecutionError? ReadObject(IGraphQLTextSerializer serializer, JsonElement element, string name,
        string code, out Inputs? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
            return null;
        if (property.ValueKind != JsonValueKind.Object)
            return Error($"\"{name}\" must be a JSON object (a map of names to values), not {Describe(property.ValueKind)}.", code);
        try
        {
            value = serializer.Deserialize<Inputs>(property.GetRawText());
            return null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            return Error($"\"{name}\" could not be read: {ex.Message}", code);
        }
    }

    private static ExecutionError? ReadJsonObjectParameter(IGraphQLTextSerializer serializer, string? raw, string name,
        string code, out Inputs? value)
    {
        value = null;
        if (raw == null)
            return null;
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(raw);
        }
        catch (JsonException ex)
        {
            return Error($"The \"{name}\" parameter is not valid JSON: {ex.Message}", code);
        }
        using (parsed)
        {
            if (parsed.RootElement.ValueKind == JsonValueKind.Null)
                return null;
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
                return Error($"The \"{name}\" parameter must be a JSON object (a map of names to values), not {Describe(parsed.RootElement.ValueKind)}.", code);
            if (UndecodableText(parsed.RootElement, name) is { } undecodable)
                return undecodable;
            try
            {
                value = serializer.Deserialize<Inputs>(raw);
                return null;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return Error($"The \"{name}\" parameter could not be read: {ex.Message}", code);
            }
        }
    }

    /// <summary>
    /// <c>INVALID_TEXT</c> for a JSON string that cannot become text at all (an unpaired surrogate escape), naming where it
    /// is (<c>variables.where.name</c>); strings that decode are judged by <see cref="Validation.StorableTextRule"/>.
    /// </summary>
    private static ExecutionError? UndecodableText(JsonElement element, string path)
    {
        if (StorableText.FindUndecodable(element, path) is not { } found)
            return null;
        var error = Error($"The text of '{found.Path}' {found.Reason}; send valid UTF-8 text.", StorableText.Code);
        error.AddExtension("path", found.Path);
        return error;
    }

    private static ExecutionError? CheckQueryPresent(GraphQLRequest request)
    {
        if (request.Query != null || request.DocumentId != null
            || request.Extensions?.ContainsKey("persistedQuery") == true)
        {
            return null;
        }
        return Error("The request has no \"query\": send the GraphQL document as a string, e.g. {\"query\": \"{ __typename }\"}.",
            GraphQLHttpErrorCodes.QueryMissing);
    }

    /// <summary>
    /// The type of the operation the request selects, or <see langword="null"/> when that cannot be
    /// told (no query text, a syntax error, an unknown or ambiguous operation name): the executer
    /// then reports the problem itself without executing anything.
    /// </summary>
    private static OperationType? FindOperationType(GraphQLRequest request)
    {
        if (request.Query == null)
            return null;
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(request.Query,
                new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.All });
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

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
            return false;
        if (!mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return false;
        return IsUtf8OrUnspecified(mediaType.Charset.Value);
    }

    private static bool IsUtf8OrUnspecified(string? charset)
        => string.IsNullOrEmpty(charset)
            || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    // ---- content negotiation ---------------------------------------------------------------

    /// <summary>
    /// The response format the Accept header prefers (highest quality; on a tie
    /// <c>application/graphql-response+json</c> before <c>application/json</c> before wildcards),
    /// <see cref="ResponseFormat.Json"/> when there is no usable Accept header, <see langword="null"/>
    /// when Accept admits neither format.
    /// </summary>
    private static ResponseFormat? NegotiateResponseFormat(HttpRequest request)
    {
        var headerValues = request.Headers.Accept;
        if (string.IsNullOrWhiteSpace(headerValues.ToString()))
            return ResponseFormat.Json;
        if (!MediaTypeHeaderValue.TryParseList(headerValues, out var accepted) || accepted.Count == 0)
            return ResponseFormat.Json;

        ResponseFormat? best = null;
        double bestQuality = 0;
        int bestRank = -1;
        foreach (var value in accepted)
        {
            double quality = value.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8OrUnspecified(value.Charset.Value))
                continue;

            var mediaType = value.MediaType.Value ?? "";
            (ResponseFormat format, int rank)? candidate =
                mediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) ? (ResponseFormat.GraphQLResponseJson, 3)
                : mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? (ResponseFormat.Json, 2)
                : mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? (ResponseFormat.Json, 1)
                : mediaType.Equals("*/*", StringComparison.Ordinal) ? (ResponseFormat.Json, 0)
                : null;
            if (candidate is not { } c)
                continue;
            if (quality > bestQuality || (quality == bestQuality && c.rank > bestRank))
            {
                best = c.format;
                bestQuality = quality;
                bestRank = c.rank;
            }
        }
        return best;
    }

    private static bool AcceptsHtml(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
            return false;
        return accepted.Any(v => (v.Quality ?? 1.0) > 0
            && v.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    // ---- writing ---------------------------------------------------------------------------

    private static async Task WriteGraphiQLAsync(HttpContext context, GraphQLHttpOptions httpOptions)
    {
        var environment = context.RequestServices.GetService<IWebHostEnvironment>();
        string? html = null;
        if (environment != null)
        {
            var file = Path.Combine(environment.ContentRootPath, httpOptions.GraphiQLPagePath);
            if (File.Exists(file))
                html = await File.ReadAllTextAsync(file, context.RequestAborted);
        }
        html ??= string.Format(System.Globalization.CultureInfo.InvariantCulture, MissingGraphiQLPage,
            System.Net.WebUtility.HtmlEncode($"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/schema.graphql"));

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    // {0}: the URL of schema.graphql. (Braces of the page itself are doubled for string.Format.)
    private const string MissingGraphiQLPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>GraphQL</title></head>
        <body>
        <h1>GraphQL endpoint</h1>
        <p>The GraphiQL IDE assets are missing (graphiql/index.html under the content root).
        The endpoint itself works: POST <code>application/json</code> <code>{{"query": "{{ __typename }}"}}</code>
        to this URL, or GET it with <code>?query=</code>. The schema is at <a href="{0}">schema.graphql</a>.</p>
        </body>
        </html>
        """;

    private static Task WriteErrorAsync(HttpContext context, int statusCode, string contentType, ExecutionError error)
    {
        var serializer = context.RequestServices.GetService<IGraphQLTextSerializer>();
        if (serializer == null)
        {
            // No serializer registered (a setup fault): still answer in the GraphQL error shape.
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(
                JsonSerializer.Serialize(new { errors = new[] { new { message = error.Message, extensions = error.Extensions } } }),
                context.RequestAborted);
        }
        return WriteResultAsync(context, serializer, statusCode, contentType, ErrorResult(error));
    }

    private static async Task WriteResultAsync<T>(HttpContext context, IGraphQLTextSerializer serializer,
        int statusCode, string contentType, T value)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        await serializer.WriteAsync(context.Response.Body, value, context.RequestAborted);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static ExecutionResult ErrorResult(ExecutionError error)
        => new() { Executed = false, Errors = new ExecutionErrors { error } };

    private static ExecutionError Error(string message, string code)
        => new(message) { Code = code };

    private static ExecutionError InternalError(string correlationId)
        => new(InternalErrorMessage)
        {
            Code = GraphQLHttpErrorCodes.InternalError,
            Extensions = new Dictionary<string, object?> { ["correlationId"] = correlationId },
        };

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.Count > 0 ? values[0] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
