#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server on a loopback port, then stops it.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]  (DATABASE_URL is set for the command)
# PGPORT_TEST picks the port (default 55432); PG_OPTS adds server settings ("-c name=value ...").
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PORT=${PGPORT_TEST:-55432}
DIR=$(mktemp -d /tmp/doithoai-pg.XXXXXX)
chmod 755 "$DIR"
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; RUN_AS=(runuser -u postgres --); fi
cleanup() { "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U doithoai --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_OPTS:-}" start >/dev/null
export DATABASE_URL="postgres://doithoai@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
