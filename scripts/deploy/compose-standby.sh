#!/usr/bin/env bash
# Entrypoint of docker-compose.yml's db-standby (profile scaled), run as the postgres user: on an empty data folder it
# clones the primary ($PRIMARY_HOST, login from PGUSER/PGPASSWORD) with pg_basebackup -R, which writes standby.signal
# and primary_conninfo; then PostgreSQL starts as a read-only hot standby streaming WAL from the primary.
set -euo pipefail

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  # The primary may still be starting; a failed copy leaves a partial folder that pg_basebackup refuses.
  until pg_basebackup -h "$PRIMARY_HOST" -D "$PGDATA" -R -X stream -c fast; do
    echo "compose-standby: pg_basebackup from $PRIMARY_HOST failed; retrying" >&2
    find "$PGDATA" -mindepth 1 -delete
    sleep 2
  done
fi
chmod 700 "$PGDATA"
exec postgres -c hot_standby=on
