using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ProductionReform.Domain;

namespace ProductionReform.Data.Linkages;

/// <summary>
/// Walks the link graph in PostgreSQL: a recursive CTE over the edges of <see cref="LinkCatalog"/>,
/// followed in both directions, so a walk costs one statement whatever its breadth.
/// </summary>
public sealed class LinkGraphQuery(RegistryDbContext db, LinkCatalog catalog)
{
    // Result columns are snake_case: the context's naming convention maps them to these row classes.

    /// <summary>
    /// The records within <paramref name="depth"/> links of <paramref name="start"/>, nearest first, at most
    /// <paramref name="limit"/>.
    /// </summary>
    public async Task<List<(NodeRef Node, int Distance)>> ReachAsync(NodeRef start, int depth, IReadOnlyCollection<LinkKind>? kinds,
        int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH RECURSIVE edges AS ({catalog.EdgesSql}),
            both_ways AS (
                SELECT from_type AS a_type, from_id AS a_id, to_type AS b_type, to_id AS b_id
                FROM edges WHERE @kinds IS NULL OR kind = ANY(@kinds)
                UNION ALL
                SELECT to_type, to_id, from_type, from_id FROM edges WHERE @kinds IS NULL OR kind = ANY(@kinds)),
            walk(type, id, depth) AS (
                SELECT @type::text, @id::int, 0
                UNION
                SELECT e.b_type, e.b_id, w.depth + 1 FROM walk AS w JOIN both_ways AS e ON e.a_type = w.type AND e.a_id = w.id
                WHERE w.depth < @depth)
            SELECT type, id, min(depth) AS distance FROM walk GROUP BY type, id
            ORDER BY 3, 1, 2 LIMIT @limit
            """;
        var rows = await db.Database.SqlQueryRaw<ReachRow>(sql,
                Kinds(kinds), new NpgsqlParameter("type", start.Type), new NpgsqlParameter("id", start.Id),
                new NpgsqlParameter("depth", depth), new NpgsqlParameter("limit", limit))
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new NodeRef(r.Type, r.Id), r.Distance)).ToList();
    }

    /// <summary>The edges whose two ends are both among <paramref name="nodes"/>, each with the citations its ends share.</summary>
    public async Task<List<LinkEdgeRow>> EdgesAmongAsync(IReadOnlyCollection<NodeRef> nodes, IReadOnlyCollection<LinkKind>? kinds,
        CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH edges AS ({catalog.EdgesSql}),
            picked AS (SELECT * FROM unnest(@types, @ids) AS p(type, id)),
            cites AS (SELECT from_type AS type, from_id AS id, to_id AS citation_id FROM edges WHERE kind = 'Cites')
            SELECT e.kind, e.from_type, e.from_id, e.to_type, e.to_id,
                CASE WHEN e.kind = 'Cites' THEN ARRAY[e.to_id] ELSE ARRAY(
                    SELECT a.citation_id FROM cites AS a JOIN cites AS b ON a.citation_id = b.citation_id
                    WHERE a.type = e.from_type AND a.id = e.from_id AND b.type = e.to_type AND b.id = e.to_id
                    ORDER BY 1) END AS citation_ids
            FROM edges AS e
            JOIN picked AS f ON f.type = e.from_type AND f.id = e.from_id
            JOIN picked AS t ON t.type = e.to_type AND t.id = e.to_id
            WHERE @kinds IS NULL OR e.kind = ANY(@kinds)
            ORDER BY 1, 2, 3, 4, 5
            """;
        var rows = await db.Database.SqlQueryRaw<EdgeRow>(sql,
                Kinds(kinds),
                new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = nodes.Select(n => n.Type).ToArray() },
                new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = nodes.Select(n => n.Id).ToArray() })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new LinkEdgeRow(Enum.Parse<LinkKind>(r.Kind), new NodeRef(r.FromType, r.FromId), new NodeRef(r.ToType, r.ToId),
                r.CitationIds))
            .ToList();
    }

    private static NpgsqlParameter Kinds(IReadOnlyCollection<LinkKind>? kinds) =>
        new("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = kinds is null ? DBNull.Value : kinds.Select(k => k.ToString()).ToArray(),
        };

    private sealed class ReachRow
    {
        public string Type { get; set; } = "";
        public int Id { get; set; }
        public int Distance { get; set; }
    }

    private sealed class EdgeRow
    {
        public string Kind { get; set; } = "";
        public string FromType { get; set; } = "";
        public int FromId { get; set; }
        public string ToType { get; set; } = "";
        public int ToId { get; set; }
        public int[] CitationIds { get; set; } = [];
    }
}
