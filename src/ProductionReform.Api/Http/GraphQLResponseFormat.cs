using GraphQL;
using Microsoft.Net.Http.Headers;
using ProductionReform.Data;

namespace ProductionReform.Api.Http;

/// <summary>
/// The media type of a GraphQL response, negotiated from the Accept header as GraphQL over HTTP says, and the status code
/// a result is answered with in it.
/// </summary>
public sealed class GraphQLResponseFormat
{
    /// <summary><c>application/graphql-response+json</c>.</summary>
    public const string GraphQLResponseMediaType = "application/graphql-response+json";

    private const string JsonMediaType = "application/json";

    /// <summary><c>application/json</c>: a result is 200 whether or not it ran (the format older clients expect).</summary>
    public static readonly GraphQLResponseFormat Json = new(JsonMediaType + "; charset=utf-8", refusalIsClientError: false);

    /// <summary><c>application/graphql-response+json</c>: a request that never ran is 400 (500 for an internal fault).</summary>
    public static readonly GraphQLResponseFormat GraphQLResponseJson =
        new(GraphQLResponseMediaType + "; charset=utf-8", refusalIsClientError: true);

    private readonly bool _refusalIsClientError;

    private GraphQLResponseFormat(string contentType, bool refusalIsClientError)
    {
        ContentType = contentType;
        _refusalIsClientError = refusalIsClientError;
    }

    /// <summary>The Content-Type header of the response, with its charset.</summary>
    public string ContentType { get; }

    /// <summary>
    /// The format the Accept header prefers (highest quality; on a tie <c>application/graphql-response+json</c> before
    /// <c>application/json</c> before wildcards), <see cref="Json"/> when there is no usable Accept header,
    /// <see langword="null"/> when Accept admits neither format.
    /// </summary>
    public static GraphQLResponseFormat? Negotiate(HttpRequest request)
    {
        var headerValues = request.Headers.Accept;
        if (string.IsNullOrWhiteSpace(headerValues.ToString()))
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(headerValues, out var accepted) || accepted.Count == 0)
            return Json;

        GraphQLResponseFormat? best = null;
        double bestQuality = 0;
        int bestRank = -1;
        foreach (var value in accepted)
        {
            double quality = value.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8OrUnspecified(value.Charset.Value))
                continue;
            if (Rank(value.MediaType.Value ?? "") is not { } candidate)
                continue;
            if (quality > bestQuality || (quality == bestQuality && candidate.Rank > bestRank))
            {
                (best, bestRank) = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    /// <summary>
    /// 503 with <c>Retry-After</c> when the database was unavailable to any part of the request; else 200 unless this
    /// format answers a request that never reached execution (no <c>data</c>) as an error: then 400 for a request that
    /// failed to parse or validate, 500 when the only cause was an internal fault.
    /// </summary>
    public int StatusCodeFor(ExecutionResult result, HttpResponse response)
    {
        if (result.Errors?.Any(e => e.Code == DatabaseFaults.UnavailableCode) == true)
        {
            HttpErrors.MarkUnavailable(response);
            return StatusCodes.Status503ServiceUnavailable;
        }
        if (!_refusalIsClientError || result.Executed)
            return StatusCodes.Status200OK;
        bool onlyInternal = result.Errors is { Count: > 0 } errors
            && errors.All(e => e.Code == ErrorCodes.InternalError && e.Extensions?.ContainsKey("correlationId") == true);
        return onlyInternal ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;
    }

    /// <summary>Whether a charset parameter names UTF-8, or is absent (JSON is UTF-8).</summary>
    public static bool IsUtf8OrUnspecified(string? charset)
        => string.IsNullOrEmpty(charset)
            || charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the media type is <c>application/json</c> in UTF-8.</summary>
    public static bool IsJson(string? contentType) =>
        !string.IsNullOrEmpty(contentType) && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
        && IsUtf8OrUnspecified(mediaType.Charset.Value);

    private static (GraphQLResponseFormat Format, int Rank)? Rank(string mediaType) =>
        mediaType.Equals(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase) ? (GraphQLResponseJson, 3)
        : mediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase) ? (Json, 2)
        : mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? (Json, 1)
        : mediaType.Equals("*/*", StringComparison.Ordinal) ? (Json, 0)
        : null;
}
