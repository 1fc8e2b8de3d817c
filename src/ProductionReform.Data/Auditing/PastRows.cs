using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using ProductionReform.Domain;

namespace ProductionReform.Data.Auditing;

/// <summary>
/// A registry table as it stood at an instant, rebuilt from the audit trail in one SQL query that LINQ composes on like
/// the table itself. A record created after the instant is left out, one deleted after it is brought back, and each
/// column takes the <c>before</c> of the earliest audited change of its field after the instant, else its current
/// value. Derived from the EF model: every stored property of every <see cref="Entity"/>, by the field name the audit
/// trail writes (<see cref="FieldNames"/>). Writes the audit trail did not see (the seed, SQL run by hand) are taken as
/// if they had always been there.
/// </summary>
public static class PastRows
{
    private static readonly MethodInfo FromSqlRaw = typeof(RelationalQueryableExtensions)
        .GetMethod(nameof(RelationalQueryableExtensions.FromSqlRaw))!;

    private static readonly ConcurrentDictionary<Type, Func<DbContext, DateTimeOffset, IQueryable>> Readers = new();

    /// <summary>Whether the audit trail records writes of <paramref name="entityType"/> (every registry record does).</summary>
    public static bool Covers(Type entityType) => typeof(Entity).IsAssignableFrom(entityType);

    /// <summary>The rows of <paramref name="entityType"/> as they stood at <paramref name="instant"/>.</summary>
    public static IQueryable AsOf(DbContext db, Type entityType, DateTimeOffset instant) =>
        Readers.GetOrAdd(entityType, type => Reader(db.Model.FindEntityType(type)
            ?? throw new InvalidOperationException($"{type.Name} is not stored.")))(db, instant);

    private static Func<DbContext, DateTimeOffset, IQueryable> Reader(IEntityType entity)
    {
        var sql = Sql(entity);
        var fromSql = FromSqlRaw.MakeGenericMethod(entity.ClrType);
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entity.ClrType);
        return (db, instant) => (IQueryable)fromSql.Invoke(null, [set.Invoke(db, null), sql, new object[]
        {
            new NpgsqlParameter("as_of", NpgsqlDbType.TimestampTz) { Value = instant.ToUniversalTime() },
        }])!;
    }

    /// <summary>
    /// The audit events of the type after the instant (<c>later</c>); per record and field the <c>before</c> of the
    /// earliest (<c>past</c>); per record whether it was created or deleted after it (<c>fates</c>); then every current or
    /// deleted row, not created later, with its past values over its current ones.
    /// </summary>
    private static string Sql(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = Quote(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!);
        var audit = entity.Model.FindEntityType(typeof(AuditEvent))!;
        var auditTable = StoreObjectIdentifier.Table(audit.GetTableName()!, audit.GetSchema());
        string Audit(string property) => Quote(audit.FindProperty(property)!.GetColumnName(auditTable)!);

        var columns = entity.GetProperties().Select(property =>
        {
            var column = Quote(property.GetColumnName(table)!);
            if (property.IsPrimaryKey()) return $"coalesce(r.{column}, v.id) AS {column}";
            if (property.IsConcurrencyToken) return $"coalesce(r.{column}, '0'::{property.GetColumnType()}) AS {column}";
            var field = FieldNames.Of(property.Name);
            return $"CASE WHEN p.fields ? '{field}' THEN {Cast($"p.fields -> '{field}'", property.GetColumnType())} " +
                   $"ELSE r.{column} END AS {column}";
        });
        return $"""
            WITH later AS (
                SELECT {Audit(nameof(AuditEvent.EntityId))} AS id, {Audit(nameof(AuditEvent.Operation))} AS operation,
                       {Audit(nameof(AuditEvent.OccurredAt))} AS at, {Audit(nameof(AuditEvent.Id))} AS seq,
                       {Audit(nameof(AuditEvent.Changes))} AS changes
                FROM {Quote(auditTable.Name)}
                WHERE {Audit(nameof(AuditEvent.EntityType))} = '{entity.ClrType.Name}' AND {Audit(nameof(AuditEvent.OccurredAt))} > @as_of),
            firsts AS (
                SELECT DISTINCT ON (l.id, f.key) l.id, f.key, f.value -> 'before' AS before
                FROM later l CROSS JOIN LATERAL jsonb_each(l.changes) f
                ORDER BY l.id, f.key, l.at, l.seq),
            past AS (SELECT id, jsonb_object_agg(key, before) AS fields FROM firsts GROUP BY id),
            fates AS (
                SELECT id, bool_or(operation = '{Operation(AuditOperation.Create)}') AS created,
                       bool_or(operation = '{Operation(AuditOperation.Delete)}') AS deleted
                FROM later GROUP BY id)
            SELECT {string.Join(",\n       ", columns)}
            FROM {Quote(table.Name)} r
            FULL JOIN fates v ON v.id = r.{key}
            LEFT JOIN past p ON p.id = coalesce(r.{key}, v.id)
            WHERE NOT coalesce(v.created, false) AND (r.{key} IS NOT NULL OR v.deleted)
            """;
    }

    /// <summary>
    /// A recorded JSON value as the column's type: arrays element by element, JSON null as NULL. (No braces: FromSqlRaw
    /// reads them as placeholders.)
    /// </summary>
    private static string Cast(string json, string columnType) => columnType.EndsWith("[]", StringComparison.Ordinal)
        ? $"(CASE WHEN jsonb_typeof({json}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text({json}))::{columnType} END)"
        : $"(jsonb_build_array({json}) ->> 0)::{columnType}";

    private static string Operation(AuditOperation operation) => EnumNames.ToScreamingSnake(operation.ToString());

    private static string Quote(string name) => $"\"{name}\"";
}
