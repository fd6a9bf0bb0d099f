#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests: Debian's package, a cluster in a temporary
# folder owned by the postgres user, listening on loopback only (and a socket in that folder),
# with trust authentication for local connections. Prints the URL of its test database on
# stdout. Usage: `server.sh start [DIR]` (DIR: an empty folder, default a new temporary one),
# `server.sh stop DIR` stops it and removes DIR. Used by .ci/run; run it by hand to test against
# one: WARGAME_TEST_POSTGRES=$(tests/postgres/server.sh start /tmp/pg) pytest tests/postgres
set -euo pipefail
if [ "${1:-start}" = stop ]; then
    dir=$2
    [ -d "$dir/data" ] && su postgres -s /bin/sh -c "pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit 0
fi
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "server.sh: PostgreSQL is not installed" >&2; exit 1; }
dir=${2:-$(mktemp -d /tmp/wargame-pg.XXXXXX)}
port=${WARGAME_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
chown postgres "$dir"
run() { su postgres -s /bin/sh -c "$*"; }
run "'$bindir/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --no-sync" >"$dir/initdb.log" 2>&1
run "'$bindir/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 start -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=on -c max_connections=300\"" >/dev/null
run "'$bindir/createdb' -h 127.0.0.1 -p $port -U postgres wargame_test"
echo "postgresql+psycopg://postgres@127.0.0.1:$port/wargame_test"
