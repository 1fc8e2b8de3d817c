using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace ProductionReform.Api.Caching;

/// <summary>Registration of the parsed-document cache.</summary>
public static class DocumentCacheServices
{
    /// <summary>
    /// Binds <c>DocumentCache</c> and, unless its <c>SizeLimit</c> is 0, caches parsed and validated documents (and the
    /// validation results of their operations without variables, <see cref="ReusingDocumentValidator"/>).
    /// </summary>
    public static IGraphQLBuilder AddDocumentCache(this IGraphQLBuilder graphQL, IConfiguration configuration)
    {
        var section = configuration.GetSection(DocumentCacheOptions.Section);
        graphQL.Services.Configure<DocumentCacheOptions>((options, _) => section.Bind(options));
        if ((section.Get<DocumentCacheOptions>() ?? new DocumentCacheOptions()).SizeLimit > 0)
        {
            graphQL.ConfigureExecution<DocumentCache>();
            graphQL.Services.Register<IDocumentValidator, ReusingDocumentValidator>(global::GraphQL.DI.ServiceLifetime.Singleton,
                replace: true);
        }
        return graphQL;
    }
}
