using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProductionReform.Domain;

namespace ProductionReform.Data.Auditing;

/// <summary>
/// Records every change of a registry record made by a known actor as an <see cref="AuditEvent"/>, in the
/// same SaveChanges and so the same transaction as the change itself. Keys of new rows are only known
/// after the insert, so their events are completed after the first save and saved by a second one
/// inside the same transaction.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor) : SaveChangesInterceptor
{
    // Enums as the schema names them (SPECIAL_GRADE), so before/after read as a client wrote them.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(new ScreamingSnakeNaming()) },
    };
    private List<(EntityEntry Entry, AuditEvent Event)> _pendingInserts = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (actor.Name is { } name && eventData.Context is { } db) Collect(db, name);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (_pendingInserts.Count == 0 || eventData.Context is not { } db) return result;
        var inserts = _pendingInserts;
        _pendingInserts = [];
        foreach (var (entry, audit) in inserts) audit.EntityId = (int)entry.Property(nameof(Entity.Id)).CurrentValue!;
        db.Set<AuditEvent>().AddRange(inserts.Select(i => i.Event));
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>A failed save (a unique index, a concurrent writer) leaves nothing pending for the next one.</summary>
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pendingInserts = [];
        return Task.CompletedTask;
    }

    private void Collect(DbContext db, string name)
    {
        var now = DateTimeOffset.UtcNow;
        var links = LinkChanges(db);
        foreach (var entry in db.ChangeTracker.Entries<Entity>().ToList())
        {
            var operation = entry.State switch
            {
                EntityState.Added => AuditOperation.Create,
                EntityState.Modified => AuditOperation.Update,
                EntityState.Deleted => AuditOperation.Delete,
                EntityState.Unchanged when links.ContainsKey(entry.Entity) => AuditOperation.Update,
                _ => (AuditOperation?)null,
            };
            if (operation is null) continue;

            var changes = entry.Properties
                .Where(p => !p.Metadata.IsPrimaryKey() && !p.Metadata.IsConcurrencyToken)
                .Where(p => operation != AuditOperation.Update || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                .ToDictionary(p => FieldNames.Of(p.Metadata.Name), p => (object)new
                {
                    before = operation == AuditOperation.Create ? null : p.OriginalValue,
                    after = operation == AuditOperation.Delete ? null : p.CurrentValue,
                });
            foreach (var (field, change) in links.GetValueOrDefault(entry.Entity) ?? [])
                changes[field] = new { before = change.Removed, after = change.Added };
            if (operation == AuditOperation.Update && changes.Count == 0) continue;

            var audit = new AuditEvent
            {
                OccurredAt = now,
                Actor = name,
                Operation = operation.Value,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = operation == AuditOperation.Create ? 0 : entry.Entity.Id,
                Changes = JsonSerializer.Serialize(changes, Json),
                CorrelationId = actor.CorrelationId,
            };
            if (operation == AuditOperation.Create) _pendingInserts.Add((entry, audit));
            else db.Set<AuditEvent>().Add(audit);
        }
    }

    /// <summary>
    /// Many-to-many links (citations, adopted measures, covered occupations…) live in join rows of neither
    /// record, so they are gathered per tracked record and navigation: for such a field, <c>before</c>
    /// lists the keys unlinked and <c>after</c> the keys linked.
    /// </summary>
    private static Dictionary<Entity, Dictionary<string, (List<int> Removed, List<int> Added)>> LinkChanges(DbContext db)
    {
        var changes = new Dictionary<Entity, Dictionary<string, (List<int> Removed, List<int> Added)>>(ReferenceEqualityComparer.Instance);
        var joins = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted && e.Entity is not Entity)
            .ToList();
        if (joins.Count == 0) return changes;

        var records = db.ChangeTracker.Entries<Entity>().ToLookup(e => (e.Metadata, Key: e.Property(nameof(Entity.Id)).CurrentValue));
        foreach (var join in joins)
        {
            var navigations = db.Model.GetEntityTypes()
                .SelectMany(t => t.GetSkipNavigations())
                .Where(n => n.JoinEntityType == join.Metadata);
            foreach (var navigation in navigations)
            {
                var owner = join.Property(navigation.ForeignKey.Properties[0].Name).CurrentValue;
                var linked = (int)join.Property(navigation.Inverse.ForeignKey.Properties[0].Name).CurrentValue!;
                foreach (var record in records[(navigation.DeclaringEntityType, owner)])
                {
                    if (!changes.TryGetValue(record.Entity, out var fields)) changes[record.Entity] = fields = [];
                    var field = FieldNames.Of(navigation.Name);
                    if (!fields.TryGetValue(field, out var change)) fields[field] = change = ([], []);
                    (join.State == EntityState.Added ? change.Added : change.Removed).Add(linked);
                }
            }
        }
        return changes;
    }
}
