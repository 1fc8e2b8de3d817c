using Microsoft.EntityFrameworkCore;
using ProductionReform.Data.Auditing;
using ProductionReform.GraphQL.Data.Querying;

namespace ProductionReform.Api.Schema;

/// <summary>The history <c>asOf</c> reads: the registry's records rebuilt from the audit trail (<see cref="PastRows"/>).</summary>
internal sealed class AuditedPast : IPastRows
{
    public bool Covers(Type entityType) => PastRows.Covers(entityType);

    public IQueryable AsOf(DbContext db, Type entityType, DateTimeOffset instant) => PastRows.AsOf(db, entityType, instant);
}
