using GraphQL;

namespace ProductionReform.Api.Http;

/// <summary>
/// Options of the GraphQL-over-HTTP transport mapped by
/// <see cref="GraphQLHttpEndpointRouteBuilderExtensions.MapGraphQLHttp"/>.
/// Register them with <see cref="GraphQLHttpBuilderExtensions.AddGraphQLHttp"/>; when none are
/// registered the defaults below apply.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Accept a JSON array of requests and answer an array of results. Default: on.</summary>
    public bool EnableBatching { get; set; } = true;

    /// <summary>The largest batch accepted; a larger one is refused with <c>BATCH_TOO_LARGE</c>. Default: 25.</summary>
    public int MaxBatchSize { get; set; } = 25;

    /// <summary>Serve the schema's SDL at <c>{path}/schema.graphql</c>; off when introspection is. Default: on.</summary>
    public bool ServeSchema { get; set; } = true;

    /// <summary>Serve the GraphiQL IDE to a browser's <c>GET</c> (Accept: text/html, no <c>query</c>). Default: on.</summary>
    public bool EnableGraphiQL { get; set; } = true;

    /// <summary>
    /// The GraphiQL page, relative to the content root (<c>IWebHostEnvironment.ContentRootPath</c>).
    /// Default: <c>graphiql/index.html</c>.
    /// </summary>
    public string GraphiQLPagePath { get; set; } = Path.Combine("graphiql", "index.html");

    /// <summary>
    /// The largest request body accepted, in bytes; <see langword="null"/> keeps the server's limit
    /// (Kestrel: 30 MB). A larger body is refused with 413 <c>REQUEST_TOO_LARGE</c>.
    /// </summary>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>
    /// Called for every request read (a POST object, each batch item, a GET) before its query is needed:
    /// it may fill in <see cref="global::GraphQL.Transport.GraphQLRequest.Query"/> (e.g. from a persisted-query
    /// store, by the hash in <c>extensions.persistedQuery</c>) or refuse the request with an error, answered
    /// like a validation error (no <c>data</c>; 200 for <c>application/json</c>, 400 for
    /// <c>application/graphql-response+json</c>).
    /// </summary>
    public Func<global::GraphQL.Transport.GraphQLRequest, HttpContext, ValueTask<ExecutionError?>>? ResolveRequest { get; set; }

    /// <summary>
    /// Called for every operation after the transport has filled in the <see cref="ExecutionOptions"/>
    /// (query, variables, <c>RequestServices</c>, <c>User</c>, <c>UserContext</c>, cancellation) and
    /// before execution. Configuration registered with the GraphQL builder
    /// (<c>ConfigureExecutionOptions</c>, <c>ConfigureExecution</c>, validation rules, complexity
    /// analysis) is applied by the document executer as usual, after this hook.
    /// </summary>
    public Action<ExecutionOptions, HttpContext>? ConfigureExecution { get; set; }
}
