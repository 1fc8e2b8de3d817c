namespace ProductionReform.Api.Http;

/// <summary>
/// The <c>extensions.code</c> values the HTTP transport itself produces (errors of the GraphQL
/// request — syntax, validation, execution — carry GraphQL.NET's codes).
/// </summary>
public static class GraphQLHttpErrorCodes
{
    /// <summary>The body (or a <c>variables</c>/<c>extensions</c> parameter) is not valid JSON. 400.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>The body is JSON but not a GraphQL request (object) or a batch (array of objects), or a field has the wrong type. 400.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>No <c>query</c> (and no persisted-document id). 400.</summary>
    public const string QueryMissing = "QUERY_MISSING";

    /// <summary><c>variables</c> is not a JSON object. 400.</summary>
    public const string InvalidVariables = "INVALID_VARIABLES";

    /// <summary><c>extensions</c> is not a JSON object. 400.</summary>
    public const string InvalidExtensions = "INVALID_EXTENSIONS";

    /// <summary>A batch was sent while batching is off. 400.</summary>
    public const string BatchingDisabled = "BATCHING_DISABLED";

    /// <summary>A batch is empty or larger than the configured maximum. 400.</summary>
    public const string BatchTooLarge = "BATCH_TOO_LARGE";

    /// <summary>A POST whose Content-Type is not <c>application/json</c>. 415.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The Accept header admits neither <c>application/graphql-response+json</c> nor <c>application/json</c>. 406.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>A method other than GET/POST, or a mutation/subscription over GET. 405.</summary>
    public const string HttpMethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";

    /// <summary>The request body is larger than the configured limit. 413.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>An unexpected fault; the message is generic and <c>extensions.correlationId</c> names the log entry.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
