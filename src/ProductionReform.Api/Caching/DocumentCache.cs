using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ProductionReform.Api.Caching;

/// <summary>
/// Keeps the documents that passed validation, by query text, so that a query asked again is neither parsed nor
/// validated again by the rules that depend only on the document and the schema. Rules registered with
/// <c>useForCachedDocuments</c> (the caller's role, the storable-text check of variables, the request limits and
/// cost) still run on every request, as does the coercion of its variables.
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private readonly MemoryCache _documents;

    public DocumentCache(IOptions<DocumentCacheOptions> options) =>
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimit });

    /// <summary>Inside the limits' execution (200), so that a cached document runs under the same timeout.</summary>
    public float SortOrder => 300;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query) return await next(options);
        if (_documents.TryGetValue(query, out GraphQLDocument? cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        // Executed: it passed validation (also the rules that depend on the caller or the variables).
        if (result.Executed && result.Document is { } document)
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        return result;
    }

    public void Dispose() => _documents.Dispose();
}
