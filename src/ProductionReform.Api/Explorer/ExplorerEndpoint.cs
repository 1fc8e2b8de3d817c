using Microsoft.Extensions.FileProviders;

namespace ProductionReform.Api.Explorer;

/// <summary>
/// <c>GET /explore</c>: the registry explorer, a static page (<c>wwwroot/explorer/index.html</c>) whose scripts, styles
/// and libraries the static-file middleware serves from <c>/explorer/</c>. It talks only to this API's <c>/graphql</c>
/// and <c>/export</c>; the views live in the URL's fragment (<c>#/node/&lt;id&gt;</c>), so this one route serves them all.
/// </summary>
public static class ExplorerEndpoint
{
    private const string PagePath = "explorer/index.html";

    public static IEndpointConventionBuilder MapExplorer(this IEndpointRouteBuilder app, string path = "/explore") =>
        app.MapGet(path, (IWebHostEnvironment environment) =>
        {
            IFileInfo page = environment.WebRootFileProvider.GetFileInfo(PagePath);
            return page.Exists && page.PhysicalPath is { } file
                ? Results.File(file, "text/html; charset=utf-8")
                : Results.NotFound();
        }).WithDisplayName($"Registry explorer {path}");
}
