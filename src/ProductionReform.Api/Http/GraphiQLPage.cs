using System.Globalization;
using System.Net;
using Microsoft.Net.Http.Headers;

namespace ProductionReform.Api.Http;

/// <summary>The GraphiQL IDE, served to a browser's <c>GET</c> of the endpoint (Accept names <c>text/html</c>, no query).</summary>
public static class GraphiQLPage
{
    // {0}: the URL of schema.graphql. (Braces of the page itself are doubled for string.Format.)
    private const string MissingAssetsPage = """
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

    /// <summary>Whether the request is a browser asking for the page rather than a GraphQL request.</summary>
    public static bool IsRequested(HttpRequest request, GraphQLHttpOptions options) =>
        HttpMethods.IsGet(request.Method) && options.EnableGraphiQL && string.IsNullOrEmpty(request.Query["query"])
        && !request.Query.ContainsKey("documentId") && AcceptsHtml(request);

    /// <summary>Writes the page from <see cref="GraphQLHttpOptions.GraphiQLPagePath"/>, or a note when the assets are missing.</summary>
    public static async Task WriteAsync(HttpContext context, GraphQLHttpOptions options)
    {
        var environment = context.RequestServices.GetService<IWebHostEnvironment>();
        string? html = null;
        if (environment != null)
        {
            var file = Path.Combine(environment.ContentRootPath, options.GraphiQLPagePath);
            if (File.Exists(file))
                html = await File.ReadAllTextAsync(file, context.RequestAborted);
        }
        var schemaUrl = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/schema.graphql";
        html ??= string.Format(CultureInfo.InvariantCulture, MissingAssetsPage, WebUtility.HtmlEncode(schemaUrl));

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(v => (v.Quality ?? 1.0) > 0 && v.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
