using System.Net.Sockets;
using Npgsql;

namespace ProductionReform.Data;

/// <summary>
/// Tells a database that is not there (stopped, restarting, refusing or dropping connections, no free pooled
/// connection within the pool's wait) from every other fault, wherever EF Core or Npgsql wrapped the exception.
/// A statement cancelled by its timeout is not one: that is a limit of the request.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>The <c>extensions.code</c> of a request refused because the database is unavailable (HTTP 503).</summary>
    public const string UnavailableCode = "DATABASE_UNAVAILABLE";

    /// <summary>The <c>Retry-After</c> answered with it, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public const string UnavailableMessage =
        "The database is not available right now; the request was not carried out and nothing of it was written. Retry in a few seconds.";

    // 08: connection exception; 57P01–03: shut down, crashed, starting up; 53300: too many connections.
    private static readonly HashSet<string> UnavailableStates =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections,
    ];

    /// <summary>
    /// Runs a unit of work that writes nothing or writes in one transaction, once more on a fresh connection when the first
    /// try met an unavailable database: the pool may hold connections a restarted server no longer knows, and the first
    /// request after the restart should not fail on them. When the database is really gone the second try fails as fast.
    /// </summary>
    public static async Task<T> OnFreshConnectionIfStaleAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            NpgsqlConnection.ClearAllPools();
            return await work();
        }
    }

    /// <summary>
    /// PostgreSQL gave up the transaction for another one's sake (40001, 40P01), however EF Core wrapped it: running it
    /// again is safe. On a hot standby, where nothing writes, it is a conflict with the WAL being replayed.
    /// </summary>
    public static bool IsConflictWithAnother(Exception? exception) =>
        Chain(exception).OfType<PostgresException>().FirstOrDefault()?.SqlState
            is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>
    /// Npgsql timed out, however wrapped (EF Core's execution strategy wraps a fault it deems transient in an
    /// <see cref="InvalidOperationException"/>).
    /// </summary>
    public static bool IsTimeout(Exception? exception) =>
        Chain(exception).Any(e => e is NpgsqlException { InnerException: TimeoutException });

    public static bool IsUnavailable(Exception? exception)
    {
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case PostgresException postgres:
                    return UnavailableStates.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException npgsql
                    when npgsql.Message.StartsWith("The connection pool has been exhausted", StringComparison.Ordinal)
                         || npgsql.Message.StartsWith("Failed to connect", StringComparison.Ordinal):
                    return true;
                case NpgsqlException { InnerException: SocketException or IOException or EndOfStreamException }:
                    return true;
                // No connection within its timeout. A statement's timeout is reported while reading ("Exception while
                // reading from stream") and stays a limit of the request.
                case NpgsqlException { InnerException: TimeoutException } timedOut
                    when !timedOut.Message.StartsWith("Exception while", StringComparison.Ordinal):
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }
}
