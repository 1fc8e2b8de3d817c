using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using ProductionReform.Data;

namespace ProductionReform.Api.Replication;

/// <summary>
/// Where the request's connections go, decided per operation and applied each time its pooled context opens a
/// connection: a read (a query, an export) goes to the standby when there is one, it answers, it has replayed the
/// version the answer will be labelled with, and the caller did not write within the read-your-writes window; everything
/// else — writes, key lookups, anything outside an operation — goes to the primary. A standby that refuses the
/// connection or lets its connect timeout pass is left for the primary in the same open, never answered as a fault.
/// </summary>
public sealed class ReadRoute(RecentWriters writers, ReadReplica? replica = null)
{
    public const string Standby = "standby";
    public const string Primary = "primary";

    private bool _reads;
    private long _labelledVersion;

    /// <summary>Which server the operation's connections went to: <see cref="Primary"/> if any went there; null before any.</summary>
    public string? Served { get; private set; }

    /// <summary>
    /// <c>extensions.replica</c> with diagnostics on, null without a standby: which server the operation read from (null when it
    /// ran no SQL) and the standby's replay lag in seconds as last measured (null while it does not answer) — no round trip.
    /// </summary>
    public Dictionary<string, object?>? Report() => replica is null ? null : new()
    {
        ["served"] = Served,
        ["lagSeconds"] = replica.LagSeconds,
    };

    /// <summary>The operation about to run only reads: it may use the standby.</summary>
    public void ServeReads(ClaimsPrincipal? user) =>
        Begin(replica is not null && !(CallerOf(user) is { } caller && writers.WroteRecently(caller)));

    /// <summary>The operation about to run may write: the primary.</summary>
    public void ServeWrites() => Begin(reads: false);

    /// <summary>The answer will carry this data version (an ETag, the response cache): a standby must have replayed it.</summary>
    public void RequireVersion(long version) => _labelledVersion = Math.Max(_labelledVersion, version);

    /// <summary>The caller wrote: their reads come from the primary for the read-your-writes window.</summary>
    public void Wrote(ClaimsPrincipal? user)
    {
        if (CallerOf(user) is { } caller) writers.Wrote(caller);
    }

    /// <summary>Reads of this request are to leave the standby: it failed them (its pooled connections went with its server).</summary>
    public void LeaveStandby()
    {
        if (Served == Standby) replica!.Failed();
    }

    /// <summary>
    /// Runs a read outside GraphQL (an export) on this route; when the standby fails it before anything was sent (a
    /// pooled connection its stopped server no longer knows), runs it again on the primary.
    /// </summary>
    public async Task ReadAsync(HttpContext context, Func<Task> read)
    {
        ServeReads(context.User);
        try
        {
            await read();
        }
        catch (Exception e) when (Served == Standby && DatabaseFaults.IsUnavailable(e) && !context.Response.HasStarted)
        {
            LeaveStandby();
            ServeReads(context.User);
            await read();
        }
    }

    /// <summary>The pooled context opens a connection: points it at the server the operation goes to.</summary>
    public InterceptionResult Opening(DbConnection connection, InterceptionResult result)
    {
        if (!UsesStandby(connection)) return result;
        try
        {
            connection.Open();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            FallBack(connection);
            connection.Open();
        }
        return Opened(connection);
    }

    /// <inheritdoc cref="Opening"/>
    public async ValueTask<InterceptionResult> OpeningAsync(DbConnection connection, InterceptionResult result,
        CancellationToken cancellationToken)
    {
        if (!UsesStandby(connection)) return result;
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            FallBack(connection);
            await connection.OpenAsync(cancellationToken);
        }
        return Opened(connection);
    }

    private void Begin(bool reads)
    {
        _reads = reads;
        Served = null;
    }

    /// <summary>Points the connection; true when it is for the standby (then the route opens it, to fall back if need be).</summary>
    private bool UsesStandby(DbConnection connection)
    {
        if (replica is null) return false;
        var standby = _reads && replica.Serves(_labelledVersion);
        connection.ConnectionString = standby ? replica.StandbyConnectionString : replica.PrimaryConnectionString;
        if (!standby) Served = Primary;
        return standby;
    }

    private void FallBack(DbConnection connection)
    {
        replica!.Failed();
        connection.ConnectionString = replica.PrimaryConnectionString;
    }

    /// <summary>
    /// Records where the connection went from what the server reported at connect (<c>in_hot_standby</c>, no round trip), so
    /// that a multi-host replica string that fell back by itself is reported truly; the open is the route's, not EF's.
    /// </summary>
    private InterceptionResult Opened(DbConnection connection)
    {
        var onStandby = connection is NpgsqlConnection npgsql
            && npgsql.PostgresParameters.TryGetValue("in_hot_standby", out var value) && value == "on";
        Served = !onStandby || Served == Primary ? Primary : Standby;
        return InterceptionResult.Suppress();
    }

    /// <summary>Who the caller is for read-your-writes: the API key's name or the token's subject; anonymous callers never write.</summary>
    private static string? CallerOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name.Length: > 0 } identity ? identity.Name : null;
}
