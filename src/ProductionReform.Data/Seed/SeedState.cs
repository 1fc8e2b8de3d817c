using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

/// <summary>
/// Which seed a database holds: the one row of <see cref="Table"/>, written in the transaction that applies the seed.
/// </summary>
public static class SeedState
{
    public const string Table = "seed_state";

    // Any fixed number, the same in every instance: instances starting together on one database seed one at a time.
    private const long LockKey = 0x5EED_0001;

    /// <summary>
    /// The seed this build applies, named by the module version ids of the Data and Domain assemblies, which a
    /// deterministic build derives from their content: Data embeds the seed JSON beside the loader and the migrations,
    /// Domain holds the entities the seed fills. Any change to what the seed writes therefore gives a new version (and so
    /// may an unrelated change to those assemblies, which only costs one full comparison at the next start).
    /// </summary>
    public static string CurrentVersion { get; } =
        $"{typeof(SeedState).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(Entity).Assembly.ManifestModule.ModuleVersionId:N}";

    /// <summary>The version recorded in the database; null when no seed has been recorded.</summary>
    public static async Task<string?> RecordedVersionAsync(RegistryDbContext db, CancellationToken ct) =>
        await ExecuteAsync(db, $"SELECT version FROM {Table} WHERE id = 1", command => command.ExecuteScalarAsync(ct), ct) as string;

    /// <summary>Waits until no other seed run holds the lock; the lock is released when the transaction ends.</summary>
    public static Task LockAsync(RegistryDbContext db, CancellationToken ct) =>
        ExecuteAsync(db, $"SELECT pg_advisory_xact_lock({LockKey})", command => command.ExecuteNonQueryAsync(ct), ct);

    /// <summary>Records <see cref="CurrentVersion"/>; the row is left as it is when it already holds it.</summary>
    public static Task RecordAsync(RegistryDbContext db, CancellationToken ct) =>
        ExecuteAsync(db, $"""
            INSERT INTO {Table} (id, version, applied_at) VALUES (1, @version, now())
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at
            WHERE {Table}.version <> excluded.version
            """, command =>
        {
            var version = command.CreateParameter();
            version.ParameterName = "version";
            version.Value = CurrentVersion;
            command.Parameters.Add(version);
            return command.ExecuteNonQueryAsync(ct);
        }, ct);

    /// <summary>Plain ADO on the context's connection and transaction: no LINQ query to compile at start-up.</summary>
    private static async Task<T> ExecuteAsync<T>(RegistryDbContext db, string sql, Func<DbCommand, Task<T>> execute,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await execute(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
