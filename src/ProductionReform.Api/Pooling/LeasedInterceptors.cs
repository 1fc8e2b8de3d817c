using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProductionReform.Api.Replication;
using ProductionReform.Data.Auditing;
using ProductionReform.GraphQL.Data.Diagnostics;

namespace ProductionReform.Api.Pooling;

/// <summary>
/// The interceptors of the pooled contexts: each event goes on to the request-scoped interceptors of the lease that
/// holds the context (attached at lease, replaced by the next lease; a context never serves two requests at once).
/// </summary>
internal static class LeasedInterceptors
{
    private static readonly ConditionalWeakTable<DbContext, Lease> Leases = new();

    public static IInterceptor Commands { get; } = new CommandEvents();

    public static IInterceptor Saves { get; } = new SaveEvents();

    public static IInterceptor Connections { get; } = new ConnectionEvents();

    public static void Attach(DbContext db, SqlStatementCounter counter, AuditInterceptor audit, ReadRoute route) =>
        Leases.AddOrUpdate(db, new Lease(counter, audit, route));

    private static Lease Of(DbContext? db) => db is not null && Leases.TryGetValue(db, out var lease)
        ? lease
        : throw new InvalidOperationException("A pooled context was used outside a lease.");

    private sealed record Lease(SqlStatementCounter Counter, AuditInterceptor Audit, ReadRoute Route);

    private sealed class ConnectionEvents : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => Of(eventData.Context).Route.Opening(connection, result);

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Route.OpeningAsync(connection, result, cancellationToken);
    }

    private sealed class CommandEvents : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result) => Of(eventData.Context).Counter.ReaderExecuting(command, eventData, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Counter.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result) => Of(eventData.Context).Counter.ScalarExecuting(command, eventData, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Counter.ScalarExecutingAsync(command, eventData, result, cancellationToken);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result) => Of(eventData.Context).Counter.NonQueryExecuting(command, eventData, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Counter.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class SaveEvents : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            Of(eventData.Context).Audit.SavingChanges(eventData, result);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Audit.SavingChangesAsync(eventData, result, cancellationToken);

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
            Of(eventData.Context).Audit.SavedChanges(eventData, result);

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
            CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Audit.SavedChangesAsync(eventData, result, cancellationToken);

        public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
            Of(eventData.Context).Audit.SaveChangesFailed(eventData);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Audit.SaveChangesFailedAsync(eventData, cancellationToken);

        public override void SaveChangesCanceled(DbContextEventData eventData) =>
            Of(eventData.Context).Audit.SaveChangesCanceled(eventData);

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Audit.SaveChangesCanceledAsync(eventData, cancellationToken);

        public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData,
            InterceptionResult result) => Of(eventData.Context).Audit.ThrowingConcurrencyException(eventData, result);

        public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) =>
            Of(eventData.Context).Audit.ThrowingConcurrencyExceptionAsync(eventData, result, cancellationToken);
    }
}
