using Microsoft.EntityFrameworkCore.Migrations;
using ProductionReform.Data.Changes;

#nullable disable

namespace ProductionReform.Data.Migrations
{
    /// <summary>
    /// The database announces its own changes, whoever writes (the API, an import, an operator with psql):
    /// statement-level triggers on every registry table log each changed record in <c>registry_changes</c>, and the
    /// first change of a transaction queues a step that runs just before it commits, takes the next data version,
    /// records the commit in <c>registry_commits</c> and notifies <see cref="ChangeCapture.Channel"/>.
    /// </summary>
    public partial class AnnounceCommittedChanges : Migration
    {
        private const string LogSql = """
            CREATE SEQUENCE registry_data_version;

            CREATE TABLE registry_changes (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
                table_name text NOT NULL,
                record_id integer NOT NULL,
                operation text NOT NULL,
                changed_columns text[] NOT NULL,
                opens_transaction boolean NOT NULL DEFAULT false);
            CREATE INDEX ix_registry_changes_transaction_id ON registry_changes (transaction_id);

            CREATE TABLE registry_commits (
                version bigint PRIMARY KEY,
                transaction_id xid8 NOT NULL UNIQUE,
                committed_at timestamptz NOT NULL);

            -- Lets the change feed find the audit event written in the same transaction; EF never sets it.
            ALTER TABLE audit_events ADD COLUMN transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id();
            CREATE INDEX ix_audit_events_transaction_id ON audit_events (transaction_id);

            CREATE TYPE registry_change AS (table_name text, record_id integer, operation text, changed_columns text[]);

            -- Logs one statement's changes and adds them to the transaction's notification, kept in a setting local
            -- to the transaction (a savepoint rolled back takes its part with it). Past 7000 bytes the notification
            -- says only the version, and listeners read the log: NOTIFY payloads stop at 8000 bytes.
            CREATE FUNCTION registry_log(changes registry_change[]) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                pending text := coalesce(current_setting('registry.pending_changes', true), '');
                summary text;
            BEGIN
                IF cardinality(changes) = 0 THEN
                    RETURN;
                END IF;
                INSERT INTO registry_changes (table_name, record_id, operation, changed_columns, opens_transaction)
                SELECT c.table_name, c.record_id, c.operation, c.changed_columns, pending = '' AND c.n = 1
                FROM unnest(changes) WITH ORDINALITY AS c(table_name, record_id, operation, changed_columns, n);
                IF pending = 'overflow' THEN
                    RETURN;
                END IF;
                SELECT string_agg(json_build_object('table', s.table_name, 'operation', s.operation, 'ids', s.ids)::text, ',')
                INTO summary
                FROM (SELECT c.table_name, c.operation, array_agg(DISTINCT c.record_id ORDER BY c.record_id) AS ids
                      FROM unnest(changes) AS c GROUP BY c.table_name, c.operation) AS s;
                pending := CASE
                    WHEN octet_length(pending) + octet_length(summary) > 7000 THEN 'overflow'
                    WHEN pending = '' THEN summary
                    ELSE pending || ',' || summary END;
                PERFORM set_config('registry.pending_changes', pending, true);
            END $$;

            -- The columns whose values differ (all of them for a row created or deleted), the key left out.
            CREATE FUNCTION registry_changed_columns(after jsonb, before jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
                SELECT coalesce(array_agg(f.key ORDER BY f.key), '{}')
                FROM jsonb_each(coalesce(after, before)) AS f
                WHERE f.key <> 'id' AND (after IS NULL OR before IS NULL OR f.value IS DISTINCT FROM before -> f.key)
            $$;

            CREATE FUNCTION registry_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM registry_log(ARRAY(
                        SELECT ROW(TG_TABLE_NAME::text, n.id, 'CREATE', registry_changed_columns(to_jsonb(n), NULL))::registry_change
                        FROM new_rows AS n));
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM registry_log(ARRAY(
                        SELECT ROW(TG_TABLE_NAME::text, n.id, 'UPDATE', registry_changed_columns(to_jsonb(n), to_jsonb(o)))::registry_change
                        FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
                        WHERE to_jsonb(n) <> to_jsonb(o)));
                ELSE
                    PERFORM registry_log(ARRAY(
                        SELECT ROW(TG_TABLE_NAME::text, o.id, 'DELETE', registry_changed_columns(NULL, to_jsonb(o)))::registry_change
                        FROM old_rows AS o));
                END IF;
                RETURN NULL;
            END $$;

            -- TG_ARGV: the link table's two key columns, each followed by the table it refers to. A link added or
            -- removed updates the records at both ends; the changed column is the link table.
            CREATE FUNCTION registry_link_changes() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                links jsonb[] := '{}';
            BEGIN
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    links := links || ARRAY(SELECT to_jsonb(n) FROM new_rows AS n);
                END IF;
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    links := links || ARRAY(SELECT to_jsonb(o) FROM old_rows AS o);
                END IF;
                PERFORM registry_log(ARRAY(
                    SELECT DISTINCT ROW(side.table_name, (link ->> side.key_column)::integer, 'UPDATE',
                        ARRAY[TG_TABLE_NAME::text])::registry_change
                    FROM unnest(links) AS link
                    CROSS JOIN (VALUES (TG_ARGV[0], TG_ARGV[1]), (TG_ARGV[2], TG_ARGV[3])) AS side(key_column, table_name)));
                RETURN NULL;
            END $$;

            -- Runs once per writing transaction, just before it commits. Writers take their versions one at a time and
            -- hold the lock until their commit is visible, so versions follow commit order: a reader that sees a
            -- version sees every lower one, and "every change after version v" is a sound question.
            CREATE FUNCTION registry_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                pending text := current_setting('registry.pending_changes', true);
                commit_version bigint;
                commit_time timestamptz;
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('registry_data_version'));
                commit_version := nextval('registry_data_version');
                commit_time := clock_timestamp();
                INSERT INTO registry_commits (version, transaction_id, committed_at)
                VALUES (commit_version, NEW.transaction_id, commit_time);
                PERFORM pg_notify('registry_changes', CASE
                    WHEN pending = 'overflow' THEN json_build_object('version', commit_version, 'committedAt', commit_time)::text
                    ELSE format('{"version":%s,"committedAt":%s,"changes":[%s]}', commit_version, to_json(commit_time), pending)
                END);
                RETURN NULL;
            END $$;

            CREATE CONSTRAINT TRIGGER registry_commit AFTER INSERT ON registry_changes DEFERRABLE INITIALLY DEFERRED
                FOR EACH ROW WHEN (NEW.opens_transaction) EXECUTE FUNCTION registry_commit();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LogSql);
            // The tables of this migration's model; a table added later needs its triggers in its own migration
            // (ChangeCaptureTests fail until it has them).
            foreach (var table in ChangeCapture.Tables(TargetModel))
                migrationBuilder.Sql(ChangeCapture.CreateTriggersSql(table));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ChangeCapture.Tables(TargetModel))
            {
                foreach (var trigger in ChangeCapture.TriggerNames)
                    migrationBuilder.Sql($"DROP TRIGGER {trigger} ON \"{table.Name}\";");
            }
            migrationBuilder.Sql("""
                DROP TABLE registry_commits;
                DROP TABLE registry_changes;
                DROP FUNCTION registry_commit(), registry_link_changes(), registry_record_changes(),
                    registry_changed_columns(jsonb, jsonb), registry_log(registry_change[]);
                DROP TYPE registry_change;
                DROP SEQUENCE registry_data_version;
                DROP INDEX ix_audit_events_transaction_id;
                ALTER TABLE audit_events DROP COLUMN transaction_id;
                """);
        }
    }
}
