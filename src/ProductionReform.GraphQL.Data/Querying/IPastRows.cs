using Microsoft.EntityFrameworkCore;

namespace ProductionReform.GraphQL.Data.Querying;

/// <summary>
/// Where <c>asOf</c> reads from: an entity's rows as they stood at an instant, as a query LINQ composes on like the
/// entity's set. The data layer keeps no history; the host supplies it (the registry rebuilds it from its audit trail).
/// </summary>
public interface IPastRows
{
    /// <summary>Whether the history of <paramref name="entityType"/> is kept; lists of other types take no <c>asOf</c>.</summary>
    bool Covers(Type entityType);

    IQueryable AsOf(DbContext db, Type entityType, DateTimeOffset instant);
}
