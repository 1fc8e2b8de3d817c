using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http.Features;

namespace ProductionReform.Api.Http;

/// <summary>
/// The body of a POST to the GraphQL endpoint, parsed as JSON: refused with 415 unless it is <c>application/json</c> in
/// UTF-8, 413 over <see cref="GraphQLHttpOptions.MaxRequestBodySize"/>, 400 when it is not JSON.
/// </summary>
public static class GraphQLRequestBody
{
    /// <summary>The parsed body (the caller disposes it), or why it was refused.</summary>
    public static async Task<(JsonDocument? Document, TransportRefusal? Refusal)> ReadAsync(HttpContext context, GraphQLHttpOptions options)
    {
        var request = context.Request;
        if (!GraphQLResponseFormat.IsJson(request.ContentType))
            return (null, UnsupportedMediaType(request.ContentType));

        if (options.MaxRequestBodySize is { } maxBodySize)
        {
            // A declared length over the limit is refused unread; the server enforces it on the stream.
            if (request.ContentLength > maxBodySize)
                return (null, TooLarge(options, request));
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySizeFeature)
                bodySizeFeature.MaxRequestBodySize = maxBodySize;
        }

        try
        {
            return (await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (null, TransportRefusal.BadRequest($"The request body is not valid JSON: {ex.Message}", ErrorCodes.InvalidJson));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(options, request));
        }
    }

    private static TransportRefusal UnsupportedMediaType(string? contentType) => new(
        StatusCodes.Status415UnsupportedMediaType,
        new ExecutionError(string.IsNullOrEmpty(contentType)
            ? "The request has no Content-Type; send the GraphQL request as \"application/json\"."
            : $"The Content-Type \"{contentType}\" is not supported; send the GraphQL request as \"application/json\" (UTF-8).")
        {
            Code = ErrorCodes.UnsupportedMediaType,
        });

    /// <summary><c>REQUEST_TOO_LARGE</c> with the limit, its maximum and the declared length when known.</summary>
    private static TransportRefusal TooLarge(GraphQLHttpOptions options, HttpRequest request)
    {
        var error = new ExecutionError(options.MaxRequestBodySize is { } limit
            ? $"The request body is larger than the limit of {limit} bytes."
            : "The request body is larger than the server's limit.")
        {
            Code = ErrorCodes.RequestTooLarge,
        };
        error.AddExtension("limit", "maxRequestBodySize");
        if (options.MaxRequestBodySize is { } maximum)
            error.AddExtension("maximum", maximum);
        if (request.ContentLength is { } measured)
            error.AddExtension("measured", measured);
        return new TransportRefusal(StatusCodes.Status413PayloadTooLarge, error);
    }
}
