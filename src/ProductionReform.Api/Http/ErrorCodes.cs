using System.Reflection;
using ProductionReform.Api.Mutations;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Http;

/// <summary>
/// Every <c>extensions.code</c> the API answers with, in one place, and (<see cref="Payload"/>) the codes of a mutation
/// payload's <c>errors</c>. The README's Errors tables list the same codes, which a test checks both ways. GraphQL.NET's
/// own codes for a document that does not parse or fit the schema (<c>FIELDS_ON_CORRECT_TYPE</c> …) come on top.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The body (or a <c>variables</c>/<c>extensions</c>/<c>where</c>/<c>order</c> parameter) is not valid JSON. 400.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>
    /// The body is JSON but not a GraphQL request (object) or a batch (array of objects), or a field has the wrong type. 400.
    /// </summary>
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

    /// <summary>A body whose Content-Type the endpoint does not read. 415.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The Accept header admits neither <c>application/graphql-response+json</c> nor <c>application/json</c>. 406.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>A method other than GET/POST, or a mutation/subscription over GET. 405.</summary>
    public const string HttpMethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";

    /// <summary>The request body is larger than the configured limit. 413.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>An unexpected fault; the message is generic and <c>extensions.correlationId</c> names the log entry. 500.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>A <c>where</c> the data layer cannot apply (raised by GraphQL.Data's <c>DataError</c>).</summary>
    public const string InvalidFilter = "INVALID_FILTER";

    /// <summary>An <c>order</c> the data layer cannot apply (raised by GraphQL.Data's <c>DataError</c>).</summary>
    public const string InvalidOrder = "INVALID_ORDER";

    /// <summary>Paging arguments that contradict each other or are negative (raised by GraphQL.Data's <c>DataError</c>).</summary>
    public const string InvalidPagingArgument = "INVALID_PAGING_ARGUMENT";

    /// <summary>A cursor that was changed or belongs to another list or order (raised by GraphQL.Data's <c>DataError</c>).</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>
    /// <c>asOf</c> asked of what the audit trail cannot answer exactly: a relation, a list of a type without history
    /// (raised by GraphQL.Data's <c>DataError</c>).
    /// </summary>
    public const string AsOfUnsupported = "AS_OF_UNSUPPORTED";

    /// <summary>Not a global id of this registry (raised by GraphQL.Data's <c>DataError</c>).</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>
    /// An argument below its minimum, aggregate <c>groups</c> arguments that do not fit together (raised by GraphQL.Data's
    /// <c>DataError</c>), or an aggregate export parameter of the wrong type.
    /// </summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>Empty or blank search text.</summary>
    public const string InvalidSearchText = "INVALID_SEARCH_TEXT";

    /// <summary>Text the database cannot store (NUL, an unpaired surrogate).</summary>
    public const string InvalidText = StorableText.Code;

    /// <summary>Over a limit; <c>extensions.limit</c>, <c>maximum</c> and <c>measured</c> say which and by how much.</summary>
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>The database is unavailable: 503 with <c>Retry-After</c>.</summary>
    public const string DatabaseUnavailable = DatabaseFaults.UnavailableCode;

    /// <summary>An export or import of a list that does not exist. 404.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A hash the persisted-query store does not know (message <c>PersistedQueryNotFound</c>, as Apollo clients expect).</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>A hash alone while automatic persisted queries are off.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>A hash that is not the SHA-256 of the query sent with it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>An operation that is not registered while only registered ones are accepted.</summary>
    public const string PersistedQueryNotAllowed = "PERSISTED_QUERY_NOT_ALLOWED";

    /// <summary>A malformed <c>extensions.persistedQuery</c>.</summary>
    public const string PersistedQueryInvalid = "PERSISTED_QUERY_INVALID";

    /// <summary>Introspection while it is switched off (GraphQL.NET's rule, and the SDL endpoint).</summary>
    public const string NoIntrospection = "NO_INTROSPECTION";

    /// <summary>Too many requests: 429 with <c>Retry-After</c>.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>An import file with problems; nothing was written. 422.</summary>
    public const string ImportInvalid = "IMPORT_INVALID";

    /// <summary>A write that collided with another writer's; nothing was written. 409.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>A write without a valid key or token. 401.</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>A field, list or write that needs a role the caller lacks. 401/403, or a validation error.</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>Every <c>extensions.code</c> above.</summary>
    public static IReadOnlyList<string> All { get; } = StringConstants(typeof(ErrorCodes));

    /// <summary>The codes of a mutation payload's <c>errors</c> (data, not <c>extensions.code</c>), declared with the mutations.</summary>
    public static IReadOnlyList<string> Payload { get; } = StringConstants(typeof(MutationCodes));

    private static string[] StringConstants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();
}
