using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProductionReform.Data;
using ProductionReform.Domain;

namespace ProductionReform.Api.Access;

/// <summary>Issues, checks and revokes API keys. Keys are 24 random bytes; only their SHA-256 is stored.</summary>
public sealed class ApiKeys(RegistryDbContext db)
{
    private const string Marker = "prk_";
    private const int PrefixLength = 12;

    /// <summary>Creates a key and returns it: the only time its text exists outside the caller.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, RegistryRole role,
        CancellationToken cancellationToken = default)
    {
        var secret = Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        var key = new ApiKey
        {
            Name = name,
            Role = role,
            Prefix = secret[..(Marker.Length + PrefixLength)],
            Hash = Hash(secret),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    /// <summary>The live key this text is, or null.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(Marker, StringComparison.Ordinal) || secret.Length <= Marker.Length + PrefixLength) return null;
        var prefix = secret[..(Marker.Length + PrefixLength)];
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
        return key is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(Hash(secret)))
            ? key
            : null;
    }

    /// <summary>Revokes every live key with this name; returns how many.</summary>
    public Task<int> RevokeAsync(string name, CancellationToken cancellationToken = default) =>
        db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow), cancellationToken);

    public Task<List<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
