using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using ProductionReform.Api.Caching;

namespace ProductionReform.Api.Http;

/// <summary>
/// A GET query through the HTTP cache (<see cref="HttpCachePolicy"/>): 304 to a caller holding the current answer, an
/// anonymous answer from the <see cref="ResponseCache"/> when it is on, else the query runs and a successful answer gets
/// its ETag (and is kept). <c>Cache-Control: no-cache</c> in the request always runs it. With diagnostics on,
/// <c>extensions.responseCache</c> says <c>HIT</c> or <c>MISS</c> whenever the response cache was asked.
/// </summary>
public static class GraphQLGetCaching
{
    public const string Extension = "responseCache";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task HandleAsync(HttpContext context, GraphQLResponseFormat format, Func<Task<ExecutionResult>> execute)
    {
        var services = context.RequestServices;
        // A host without the registrations (a bare transport) answers as if nothing could be cached.
        var policy = services.GetService<HttpCachePolicy>();
        var key = policy?.KeyFor(context, format.ContentType);
        if (key is not null && HttpCachePolicy.HoldsAnswer(context.Request, key))
        {
            policy!.NotModified(context.Response, key);
            return;
        }

        var cache = key is { Anonymous: true } ? services.GetService<ResponseCache>() : null;
        var diagnostics = services.GetRequiredService<IConfiguration>().GetValue<bool>("Diagnostics:SqlCount");
        if (cache is not null && !HttpCachePolicy.WantsFresh(context.Request) && cache.TryGet(key!, out var kept))
        {
            policy!.Describe(context.Response, key);
            await WriteAsync(context, kept!.ContentType, diagnostics ? Hit(kept.Body) : kept.Body);
            return;
        }

        var result = await execute();
        var status = format.StatusCodeFor(result, context.Response);
        var succeeded = status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 };
        policy?.Describe(context.Response, succeeded ? key : null);
        if (cache is null || !succeeded)
        {
            await GraphQLResponseWriter.WriteResultAsync(context, status, format.ContentType, result);
            return;
        }

        if (diagnostics) (result.Extensions ??= [])[Extension] = "MISS";
        using var body = new MemoryStream();
        await services.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(body, result, context.RequestAborted);
        var answer = new CachedResponse(body.ToArray(), format.ContentType);
        cache.Set(key!, answer);
        await WriteAsync(context, answer.ContentType, answer.Body);
    }

    private static Task WriteAsync(HttpContext context, string contentType, byte[] body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>A kept answer as this request's diagnostics see it: served from the cache, having run no SQL.</summary>
    private static byte[] Hit(byte[] body)
    {
        var answer = JsonNode.Parse(body)!.AsObject();
        var extensions = answer["extensions"] as JsonObject ?? [];
        answer["extensions"] = extensions;
        extensions[Extension] = "HIT";
        extensions["sqlStatements"] = 0;
        return JsonSerializer.SerializeToUtf8Bytes(answer, Readable);
    }
}
