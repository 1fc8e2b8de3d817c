using GraphQL;
using GraphQL.Types;

namespace ProductionReform.Api.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLHttpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps, under <paramref name="path"/>:
    /// <list type="bullet">
    /// <item><c>GET|POST {path}</c>: GraphQL over HTTP (see <see cref="GraphQLHttpEndpoint"/>), and the
    /// GraphiQL page for a browser's <c>GET</c>; any other method answers 405.</item>
    /// <item><c>GET {path}/schema.graphql</c>: the schema in SDL, <c>text/plain; charset=utf-8</c>.</item>
    /// </list>
    /// Requires <c>services.AddGraphQL(b => b.AddSchema&lt;…&gt;().AddGraphQLHttp())</c>.
    /// Returns the route group so that conventions (authorization, rate limiting, CORS) can be added
    /// to both endpoints.
    /// </summary>
    public static RouteGroupBuilder MapGraphQLHttp(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var group = app.MapGroup(path);
        group.MapGet("/schema.graphql", new RequestDelegate(WriteSchemaAsync))
            .WithDisplayName($"GraphQL schema (SDL) {path}/schema.graphql");
        group.Map("/", new RequestDelegate(GraphQLHttpEndpoint.HandleAsync))
            .WithDisplayName($"GraphQL over HTTP {path}");
        return group;
    }

    private static async Task WriteSchemaAsync(HttpContext context)
    {
        if (context.RequestServices.GetService<GraphQLHttpOptions>() is { ServeSchema: false })
        {
            // Switching introspection off would mean little if the SDL stayed one URL away.
            await HttpErrors.WriteAsync(context, StatusCodes.Status404NotFound,
                new ExecutionError("The schema is not published: introspection is switched off.") { Code = ErrorCodes.NoIntrospection });
            return;
        }
        var schema = context.RequestServices.GetRequiredService<ISchema>();
        var sdl = schema.Print();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(sdl, context.RequestAborted);
    }
}
