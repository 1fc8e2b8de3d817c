using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data.Changes;

namespace ProductionReform.Data.Counting;

/// <summary>
/// How many rows of each one-to-many relation every parent has, kept by the database as rows change: a nested list's
/// totalCount reads a few short rows per parent instead of counting the parent's rows (133,374 index entries for one
/// industry at 200,000 firms). Statement-level triggers on each child table append each parent's change of count to
/// <c>kept_counts</c> and never update a row, so concurrent writers, serializable ones included, never conflict over a
/// count; a parent's count is the sum of its rows, and <see cref="CompactSql"/> merges them.
/// </summary>
public static class KeptCounts
{
    /// <summary>
    /// The relations counted: each single-column reference, not unique, from a record table to a record table that
    /// lists its children (a nested list). Many-to-many relations are not counted.
    /// </summary>
    public static IReadOnlyList<KeptRelation> Relations(IReadOnlyModel model)
    {
        var records = ChangeCapture.Tables(model).Where(t => !t.IsLink).Select(t => t.Name).ToHashSet();
        return model.GetEntityTypes()
            .Where(t => records.Contains(t.GetTableName()!))
            .SelectMany(t => t.GetForeignKeys())
            .Where(r => r is { IsUnique: false, Properties: [_], PrincipalToDependent: not null }
                && records.Contains(r.PrincipalEntityType.GetTableName()!))
            .Select(r => new KeptRelation(r.DeclaringEntityType.GetTableName()!, r.Properties[0].GetColumnName()))
            .Distinct()
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where the changes of count are kept (<see cref="KeptCount"/>), created by <see cref="CreateSql"/>.</summary>
    public const string Table = "kept_counts";

    /// <summary>The table, its index, the trigger function, <c>kept_count</c> and <c>kept_counts_compact</c>.</summary>
    public const string CreateSql = """
        CREATE TABLE kept_counts (
            relation text NOT NULL,
            parent_id integer NOT NULL,
            count_change integer NOT NULL);
        CREATE INDEX ix_kept_counts_relation_parent_id ON kept_counts (relation, parent_id) INCLUDE (count_change);

        -- The arguments name the table's counted reference columns; a statement adds one row per parent whose count
        -- it changed.
        CREATE FUNCTION kept_counts_record() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            parent_column text;
        BEGIN
            FOREACH parent_column IN ARRAY TG_ARGV LOOP
                EXECUTE format(
                    'INSERT INTO kept_counts (relation, parent_id, count_change) '
                    'SELECT %L, parent_id, sum(change) FROM (%s) AS changed '
                    'WHERE parent_id IS NOT NULL GROUP BY parent_id HAVING sum(change) <> 0',
                    TG_TABLE_NAME || '.' || parent_column,
                    CASE TG_OP
                        WHEN 'INSERT' THEN format('SELECT %I AS parent_id, 1 AS change FROM new_rows', parent_column)
                        WHEN 'DELETE' THEN format('SELECT %I AS parent_id, -1 AS change FROM old_rows', parent_column)
                        ELSE format('SELECT %1$I AS parent_id, 1 AS change FROM new_rows '
                            'UNION ALL SELECT %1$I, -1 FROM old_rows', parent_column)
                    END);
            END LOOP;
            RETURN NULL;
        END $$;

        CREATE FUNCTION kept_count(relation text, parent_id integer) RETURNS integer
            LANGUAGE sql STABLE PARALLEL SAFE AS $$
            SELECT COALESCE(sum(k.count_change), 0)::integer FROM kept_counts AS k
            WHERE k.relation = $1 AND k.parent_id = $2
        $$;

        -- One row per parent again; the rows written meanwhile are not in the DELETE's snapshot and stay as they are.
        CREATE FUNCTION kept_counts_compact() RETURNS void LANGUAGE sql AS $$
            WITH merged AS (DELETE FROM kept_counts RETURNING relation, parent_id, count_change)
            INSERT INTO kept_counts (relation, parent_id, count_change)
            SELECT relation, parent_id, sum(count_change) FROM merged
            GROUP BY relation, parent_id HAVING sum(count_change) <> 0
        $$;
        """;

    public const string CompactSql = "SELECT kept_counts_compact();";

    /// <summary>The names of the triggers <see cref="CreateTriggersSql"/> creates on every child table.</summary>
    public static IReadOnlyList<string> TriggerNames { get; } = ["kept_counts_insert", "kept_counts_update", "kept_counts_delete"];

    /// <summary>Three statement-level triggers on a child table, passing its counted reference columns.</summary>
    public static string CreateTriggersSql(string table, IEnumerable<string> columns)
    {
        var arguments = string.Join(", ", columns.Select(c => $"'{c}'"));
        return string.Concat(
            Trigger(table, "insert", "INSERT", "NEW TABLE AS new_rows", arguments),
            Trigger(table, "update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", arguments),
            Trigger(table, "delete", "DELETE", "OLD TABLE AS old_rows", arguments));
    }

    /// <summary>The counts of the rows already there.</summary>
    public static string FillSql(KeptRelation relation) => $"""
        INSERT INTO kept_counts (relation, parent_id, count_change)
        SELECT '{relation.Name}', "{relation.Column}", count(*) FROM "{relation.Table}"
        WHERE "{relation.Column}" IS NOT NULL GROUP BY "{relation.Column}";

        """;

    private static string Trigger(string table, string name, string operation, string transitionTables, string arguments) => $"""
        CREATE TRIGGER kept_counts_{name} AFTER {operation} ON "{table}" REFERENCING {transitionTables}
            FOR EACH STATEMENT EXECUTE FUNCTION kept_counts_record({arguments});

        """;
}
