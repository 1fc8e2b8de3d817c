using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using ProductionReform.GraphQL.Data.Expressions;

namespace ProductionReform.Api.Features.Search;

/// <summary>
/// The search as ONE statement: a UNION ALL over every (table, column) of the searched types, the best
/// column per record, ranked and paged. Table and column names come from the EF model; the user's text
/// only ever travels as parameters.
/// <para>Score: exact match (case-insensitive) 4–5, prefix 3–4, substring 2–3, trigram similarity (pg_trgm,
/// above its threshold) below 1. Within a kind, the share of the text the query covers times the column's
/// weight decides, so 纺织 ranks the industry 纺织 above 示例纺织企业01.</para>
/// </summary>
internal static class SearchSql
{
    public static async Task<List<SearchRow>> RunAsync(DbContext db, IReadOnlyList<SearchTarget> targets,
        string text, int offset, int limit, bool withTotal, CancellationToken cancellationToken)
    {
        var sql = Build(db.Model, targets, withTotal);
        var escaped = LikePattern.Escape(text);
        NpgsqlParameter[] parameters =
        [
            new("text", NpgsqlDbType.Text) { Value = text },
            new("prefix", NpgsqlDbType.Text) { Value = escaped + "%" },
            new("contains", NpgsqlDbType.Text) { Value = "%" + escaped + "%" },
            new("offset", NpgsqlDbType.Integer) { Value = offset },
            new("limit", NpgsqlDbType.Integer) { Value = limit },
        ];
        return await db.Database.SqlQueryRaw<SearchRow>(sql, parameters).ToListAsync(cancellationToken);
    }

    internal static string Build(IModel model, IReadOnlyList<SearchTarget> targets, bool withTotal)
    {
        var branches = new List<string>();
        foreach (var target in targets)
        {
            var typeName = target.Model.Name;
            var entity = model.FindEntityType(target.Model.ClrType)
                         ?? throw new InvalidOperationException($"{target.Model.ClrType.Name} is not in the EF model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = Identifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!);
            var from = entity.GetSchema() is { } schema ? $"{Identifier(schema)}.{Identifier(table.Name)}" : Identifier(table.Name);
            foreach (var column in target.Columns)
            {
                var name = "x." + Identifier(entity.FindProperty(column.Property)!.GetColumnName(table)!);
                var weight = column.Weight.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture);
                var coverage = $"{weight} * char_length(@text)::float8 / greatest(char_length({name}), 1)";
                branches.Add($"""
                    SELECT {Literal(typeName)} AS type_name, x.{key} AS id, {Literal(column.Field)} AS field,
                           CASE WHEN lower({name}) = lower(@text) THEN 4 + {weight}
                                WHEN {name} ILIKE @prefix ESCAPE '\' THEN 3 + {coverage}
                                WHEN {name} ILIKE @contains ESCAPE '\' THEN 2 + {coverage}
                                ELSE {weight} * similarity({name}, @text)::float8
                           END AS score
                    FROM {from} AS x
                    WHERE {name} ILIKE @contains ESCAPE '\' OR {name} % @text
                    """);
            }
        }

        var sql = new StringBuilder();
        sql.AppendLine("WITH hits AS (");
        sql.AppendLine(string.Join("\nUNION ALL\n", branches));
        sql.AppendLine("),");
        // A record that matches in several columns counts once, with its best column.
        sql.AppendLine("""
            best AS (
                SELECT DISTINCT ON (type_name, id) type_name, id, field, score
                FROM hits
                ORDER BY type_name, id, score DESC, field
            )
            """);
        if (withTotal)
        {
            // The count comes along even when the page is empty (an offset past the end).
            sql.AppendLine("""
                SELECT p.type_name, p.id, p.field, p.score, c.total
                FROM (SELECT count(*) AS total FROM best) AS c
                LEFT JOIN LATERAL (
                    SELECT type_name, id, field, score FROM best
                    ORDER BY score DESC, type_name, id
                    OFFSET @offset LIMIT @limit
                ) AS p ON true
                ORDER BY p.score DESC, p.type_name, p.id
                """);
        }
        else
        {
            sql.AppendLine("""
                SELECT type_name, id, field, score, NULL::bigint AS total
                FROM best
                ORDER BY score DESC, type_name, id
                OFFSET @offset LIMIT @limit
                """);
        }
        return sql.ToString();
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
