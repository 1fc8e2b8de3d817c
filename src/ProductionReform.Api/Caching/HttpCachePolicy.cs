using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProductionReform.Api.Access;
using ProductionReform.Api.Live;
using ProductionReform.Api.Replication;
using ProductionReform.Domain;

namespace ProductionReform.Api.Caching;

/// <summary>
/// The validators and freshness of answers that only read: an ETag derived from the data version (the
/// <see cref="RegistryChangeHub"/>'s), the request and the caller's role, never from the answer's bytes, so that a
/// matching <c>If-None-Match</c> is answered 304 before anything runs. The ETag is weak: equal ETags promise the same
/// data, not the same bytes — diagnostics extensions and the JSON's formatting may differ.
/// While the change listener is not connected the version may be stale, so no ETag is given and answers are <c>no-store</c>.
/// </summary>
public sealed class HttpCachePolicy(IOptions<HttpCachingOptions> options, RegistryChangeHub hub)
{
    private readonly HttpCachingOptions _options = options.Value;

    /// <summary>
    /// The key of this request's answer in <paramref name="representation"/> (its content type), or null when answers
    /// must not be validated now (ETags off, or the listener not connected).
    /// </summary>
    public CacheKey? KeyFor(HttpContext context, string representation)
    {
        if (!_options.ETags || !hub.IsListening) return null;
        // Read before the answer is made: the answer is then at least as new as the version it is filed under.
        var version = hub.Version;
        // A standby may answer only once it has replayed the version the answer is filed under.
        context.RequestServices.GetService<ReadRoute>()?.RequireVersion(version);
        var role = RoleOf(context);
        var request = context.Request;
        var identity = $"{role}\n{representation}\n{request.Path}{request.QueryString}";
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 15))
            .Replace('+', '-').Replace('/', '_');
        return new CacheKey(version, $"W/\"v{version}-{hash}\"", role == Anonymous);
    }

    /// <summary>The caller asks for an answer made afresh (<c>Cache-Control: no-cache</c>): no 304, nothing reused.</summary>
    public static bool WantsFresh(HttpRequest request) =>
        request.GetTypedHeaders().CacheControl?.NoCache == true || request.Headers.Pragma.Contains("no-cache");

    /// <summary>Whether the caller already holds this answer: an <c>If-None-Match</c> naming its ETag (weak comparison).</summary>
    public static bool HoldsAnswer(HttpRequest request, CacheKey key)
    {
        if (WantsFresh(request)) return false;
        var held = request.GetTypedHeaders().IfNoneMatch;
        var current = EntityTagHeaderValue.Parse(key.ETag);
        return held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    /// <summary>
    /// Sets <c>ETag</c>, <c>Cache-Control</c> and <c>Vary</c> for an answer filed under <paramref name="key"/>; without a key,
    /// <c>no-store</c>.
    /// </summary>
    public void Describe(HttpResponse response, CacheKey? key)
    {
        if (key is null)
        {
            response.Headers.CacheControl = "no-store";
            return;
        }
        response.Headers.ETag = key.ETag;
        response.Headers.CacheControl = key.Anonymous
            ? $"public, max-age={(long)_options.AnonymousMaxAge.TotalSeconds}"
            : _options.AuthenticatedCacheControl;
        // The answer depends on both, and shared caches must not hand one caller's or one format's answer to another.
        response.Headers.Vary = "Accept, Authorization";
    }

    /// <summary>Answers 304 with the validator and freshness a 200 would have had.</summary>
    public void NotModified(HttpResponse response, CacheKey key)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        Describe(response, key);
    }

    private const string Anonymous = "ANONYMOUS";

    private static string RoleOf(HttpContext context) =>
        context.User.IsInRole(RegistryRole.Admin) ? RegistryAuthentication.RoleName(RegistryRole.Admin)
        : context.User.IsInRole(RegistryRole.Editor) ? RegistryAuthentication.RoleName(RegistryRole.Editor)
        : context.User.Identity?.IsAuthenticated == true ? "AUTHENTICATED"
        : Anonymous;
}
