using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using ProductionReform.Api.Http;

namespace ProductionReform.Api.Limits;

/// <summary>
/// Resolves the query of a request that names it by hash, before the transport checks for a query:
/// <list type="bullet">
/// <item>hash only: the registered or stored query, else <c>PERSISTED_QUERY_NOT_FOUND</c> (message
/// <c>PersistedQueryNotFound</c>, which Apollo clients answer by sending the query with the hash);</item>
/// <item>hash and query: the hash must be the query's SHA-256 (<c>PERSISTED_QUERY_HASH_MISMATCH</c>), then
/// the query is stored for later hash-only requests (in this process, or in the shared Redis for every instance:
/// <see cref="IAutomaticQueryStore"/>);</item>
/// <item>with <see cref="PersistedQueriesOptions.AllowOnlyRegistered"/>: anything not registered is
/// <c>PERSISTED_QUERY_NOT_ALLOWED</c>.</item>
/// </list>
/// </summary>
public sealed class PersistedQueryStore
{
    private readonly PersistedQueriesOptions _options;
    private readonly IReadOnlyDictionary<string, string> _registered;
    private readonly IAutomaticQueryStore? _automatic;

    public PersistedQueryStore(IOptions<PersistedQueriesOptions> options, IHostEnvironment environment, IAutomaticQueryStore automatic)
    {
        _options = options.Value;
        _registered = _options.RegisteredPath is { Length: > 0 } path
            ? Load(Path.Combine(environment.ContentRootPath, path))
            : new Dictionary<string, string>();
        if (_options.AllowOnlyRegistered && _options.RegisteredPath is not { Length: > 0 })
        {
            throw new InvalidOperationException(
                "PersistedQueries:AllowOnlyRegistered needs PersistedQueries:RegisteredPath, the file of allowed operations.");
        }
        if (_options.Automatic && !_options.AllowOnlyRegistered)
            _automatic = automatic;
    }

    public int RegisteredCount => _registered.Count;

    /// <summary>The lowercase hexadecimal SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    /// <summary>Fills in <see cref="GraphQLRequest.Query"/> from the store, or says why the request is refused.</summary>
    public async ValueTask<ExecutionError?> ResolveAsync(GraphQLRequest request, CancellationToken cancellationToken)
    {
        var error = ReadHash(request, out var hash);
        if (error is not null)
            return error;

        if (hash is null)
        {
            if (_options.AllowOnlyRegistered && request.Query is { } text && !_registered.ContainsKey(Hash(text)))
                return Refuse("Only registered operations are accepted here; this query is not one of them.",
                    ErrorCodes.PersistedQueryNotAllowed);
            return null;
        }

        if (request.Query is null)
        {
            var known = _registered.TryGetValue(hash, out var registered) ? registered
                : _automatic is null ? null
                : await _automatic.FindAsync(hash, cancellationToken);
            if (known is not null)
            {
                request.Query = known;
                return null;
            }
            if (_options.AllowOnlyRegistered)
                return Refuse(NotRegistered(hash), ErrorCodes.PersistedQueryNotAllowed);
            if (_automatic is null)
                return Refuse("PersistedQueryNotSupported", ErrorCodes.PersistedQueryNotSupported);
            return Refuse("PersistedQueryNotFound", ErrorCodes.PersistedQueryNotFound);
        }

        var actual = Hash(request.Query);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            return Refuse($"The sha256Hash {hash} is not the SHA-256 of the query ({actual}).", ErrorCodes.PersistedQueryHashMismatch)
                .AddExtension("expected", actual);
        }
        if (_registered.ContainsKey(hash))
            return null;
        if (_options.AllowOnlyRegistered)
            return Refuse(NotRegistered(hash), ErrorCodes.PersistedQueryNotAllowed);
        if (_automatic is not null)
            await _automatic.StoreAsync(hash, request.Query, cancellationToken);
        return null;
    }

    private static ExecutionError? ReadHash(GraphQLRequest request, out string? hash)
    {
        hash = null;
        string? raw;
        if (request.Extensions?.TryGetValue("persistedQuery", out var value) == true && value is not null)
        {
            if (value is not IDictionary<string, object?> persisted)
                return Refuse("extensions.persistedQuery must be an object {\"version\": 1, \"sha256Hash\": \"…\"}.",
                    ErrorCodes.PersistedQueryInvalid);
            if (!persisted.TryGetValue("version", out var version) || !IsOne(version))
                return Refuse("Only version 1 of persisted queries is supported (extensions.persistedQuery.version).",
                    ErrorCodes.PersistedQueryInvalid);
            raw = persisted.TryGetValue("sha256Hash", out var sha) ? sha as string : null;
        }
        else if (request.DocumentId is { } documentId)
        {
            raw = documentId.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? documentId[7..] : documentId;
        }
        else
        {
            return null;
        }

        if (raw is not { Length: 64 } || !raw.All(char.IsAsciiHexDigit))
            return Refuse("The persisted-query hash must be 64 hexadecimal digits (the SHA-256 of the query).",
                ErrorCodes.PersistedQueryInvalid);
        hash = raw.ToLowerInvariant();
        return null;
    }

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        decimal d => d == 1,
        double x => x == 1,
        System.Numerics.BigInteger b => b == 1,
        _ => false,
    };

    private static ExecutionError Refuse(string message, string code) => new(message) { Code = code };

    private static string NotRegistered(string hash) =>
        $"No registered operation has the hash {hash}; only registered operations are accepted here.";

    private static Dictionary<string, string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The registered operations file (PersistedQueries:RegisteredPath) does not exist: {path}", path);
        }
        var text = File.ReadAllText(path);
        var registered = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            registered[Hash(text)] = text;
            return registered;
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        IEnumerable<(string? Id, string? Body)> entries = root.TryGetProperty("operations", out var operations)
            ? operations.EnumerateArray()
                .Select(o => (o.TryGetProperty("id", out var id) ? id.GetString() : null, o.GetProperty("body").GetString()))
            : root.EnumerateObject().Select(p => ((string?)p.Name, p.Value.GetString()));
        foreach (var (id, body) in entries)
        {
            if (body is null)
                continue;
            var hash = Hash(body);
            if (id is not null && !string.Equals(id, hash, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{path}: the operation registered as {id} has the SHA-256 {hash}.");
            registered[hash] = body;
        }
        return registered;
    }
}
