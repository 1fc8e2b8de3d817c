using GraphQL;
using GraphQL.DI;

namespace ProductionReform.Api.Caching;

/// <summary>Registration of the parsed-document cache.</summary>
public static class DocumentCacheServices
{
    /// <summary>Binds <c>DocumentCache</c> and, unless its <c>SizeLimit</c> is 0, caches parsed and validated documents.</summary>
    public static IGraphQLBuilder AddDocumentCache(this IGraphQLBuilder graphQL, IConfiguration configuration)
    {
        var section = configuration.GetSection(DocumentCacheOptions.Section);
        graphQL.Services.Configure<DocumentCacheOptions>((options, _) => section.Bind(options));
        if ((section.Get<DocumentCacheOptions>() ?? new DocumentCacheOptions()).SizeLimit > 0)
            graphQL.ConfigureExecution<DocumentCache>();
        return graphQL;
    }
}
