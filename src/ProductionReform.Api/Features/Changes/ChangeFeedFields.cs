using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProductionReform.Api.Access;
using ProductionReform.Api.Features.Audit;
using ProductionReform.Api.Http;
using ProductionReform.Api.Live;
using ProductionReform.Data;
using ProductionReform.Domain;
using ProductionReform.GraphQL.Data;
using ProductionReform.GraphQL.Data.Model;
using ProductionReform.GraphQL.Data.Paging;

namespace ProductionReform.Api.Features.Changes;

/// <summary>
/// <c>changes</c>: the public feed of the database's change log, oldest first, paged by a cursor that is a place in
/// the log. Commits take their versions in commit order (see the AnnounceCommittedChanges migration), so a page
/// read now never lacks an event that a later commit could still place before its end: no gaps, no repeats.
/// </summary>
public static class ChangeFeedFields
{
    public static void AddTo(ObjectGraphType query, DataOptions options)
    {
        query.AddField(new FieldType
        {
            Name = "changes",
            Description = "Every committed write of the registry 变更流, oldest first, whoever made it (mutations, imports, SQL).",
            ResolvedType = new NonNullGraphType(new ChangeEventConnectionType()),
            Arguments = new QueryArguments(
                new QueryArgument<StringGraphType>
                {
                    Name = "since",
                    Description = "Read the events after this place: a cursor of this feed (pageInfo.endCursor) or a data " +
                        "version (the events of later commits). Null: from the first event.",
                },
                new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
                {
                    Name = "lists", Description = "Only the events of these root lists (enterprises, regions…); default all.",
                },
                new QueryArgument<IntGraphType>
                {
                    Name = "first",
                    Description = $"The number of events (default {options.DefaultPageSize}, at most {options.MaxPageSize}).",
                }),
            Resolver = new FuncFieldResolver<object>(async context => await ChangesAsync(context, options)),
        });
    }

    private static async Task<Connection> ChangesAsync(IResolveFieldContext context, DataOptions options)
    {
        var first = PagingArguments.PageSize(context.GetArgument<int?>("first"), "first", options.DefaultPageSize, options.MaxPageSize);
        var since = context.GetArgument<string?>("since") is { } text ? ChangePosition.Parse(text) : ChangePosition.Start;
        var catalog = context.RequestServices!.GetRequiredService<RegistryChangeCatalog>();
        var lists = context.GetArgument<List<string>?>("lists") ?? [.. catalog.ListNames];
        if (lists.FirstOrDefault(list => catalog.TableOf(list) is null) is { } unknown)
        {
            throw new DataError(ErrorCodes.InvalidArgument, $"'{unknown}' in `lists` is not a list whose changes are logged.")
                .AddExtension("validNames", catalog.ListNames);
        }
        var audited = context.User.IsInRole(RegistryRole.Admin);
        var db = context.RequestServices!.GetRequiredService<RegistryDbContext>();
        var rows = await db.Database.SqlQueryRaw<ChangeRow>(Sql(audited),
                new NpgsqlParameter("tables", lists.Select(list => catalog.TableOf(list)!).ToArray()),
                new NpgsqlParameter("types", lists.Select(list => catalog.ModelOf(catalog.TableOf(list)!)!.ClrType.Name).ToArray()),
                new NpgsqlParameter("version", since.Version),
                new NpgsqlParameter("position", since.Position),
                new NpgsqlParameter("take", first + 1))
            .ToListAsync(context.CancellationToken);
        var edges = rows.Take(first).Select(row => Event(row, catalog)).Select(e => new Edge(e.At.Cursor, e)).ToList();
        return new Connection(edges, new PageInfo(rows.Count > first, since != ChangePosition.Start,
            edges.FirstOrDefault(), edges.LastOrDefault()), null);
    }

    /// <summary>
    /// One statement: the events after the place, of the lists asked for, with the audit events of the same record in
    /// the same transaction when the caller may see them.
    /// </summary>
    private static string Sql(bool audited) => $"""
        SELECT c.version, l.position, c.committed_at, l.table_name, l.record_id, l.operation, l.changed_columns,
            {(audited ? AuditSql : "NULL::text[]")} AS audit_changes
        FROM registry_commits c
        JOIN registry_changes l ON l.transaction_id = c.transaction_id
        JOIN unnest(@tables, @types) AS m(table_name, entity_type) ON m.table_name = l.table_name
        WHERE c.version >= @version AND (c.version > @version OR l.position > @position)
        ORDER BY c.version, l.position
        LIMIT @take
        """;

    private const string AuditSql = """
        (SELECT array_agg(a.changes::text ORDER BY a.id) FROM audit_events a
         WHERE a.transaction_id = l.transaction_id AND a.entity_type = m.entity_type AND a.entity_id = l.record_id)
        """;

    private static ChangeEvent Event(ChangeRow row, RegistryChangeCatalog catalog) => new(
        new ChangePosition(row.Version, row.Position),
        row.CommittedAt,
        catalog.ModelOf(row.TableName)!.ListName,
        GlobalId.Encode(catalog.ModelOf(row.TableName)!.Name, row.RecordId),
        Enum.Parse<AuditOperation>(row.Operation, ignoreCase: true),
        catalog.FieldsOf(row.TableName, row.ChangedColumns),
        row.AuditChanges is { Length: > 0 } audits ? Merged(audits) : null);

    /// <summary>Several audit events of one record in one commit read as one: each field from its first value to its last.</summary>
    private static List<AuditChange> Merged(IEnumerable<string> audits) =>
        [.. audits.SelectMany(AuditChange.FromJson).GroupBy(c => c.Field)
            .Select(g => new AuditChange(g.Key, g.First().Before, g.Last().After))];
}
