#!/usr/bin/env bash
# Stores COUNT more checkout sessions, fast, for the "1,000,000 sessions" latency budget of
# benches/load.sh: each new row is a copy of a real session (TEMPLATE_ID, created through the
# API, so its estimates JSON and every column are what the product writes) with a fresh id.
# The column list is read from the database, so it follows migrations/*/0001_initial.sql.
#
#   benches/seed_million.sh DATABASE_URL TEMPLATE_ID [COUNT=1000000]
#
# SQLite needs the sqlite3 CLI, PostgreSQL psql. Safe while the product is serving (SQLite:
# one write transaction with a busy timeout).

set -euo pipefail

URL=${1:?usage: seed_million.sh DATABASE_URL TEMPLATE_ID [COUNT]}
TEMPLATE=${2:?usage: seed_million.sh DATABASE_URL TEMPLATE_ID [COUNT]}
COUNT=${3:-1000000}
[[ "$TEMPLATE" =~ ^[0-9a-fA-F-]{36}$ ]] || { echo "not a UUID: $TEMPLATE" >&2; exit 2; }
[[ "$COUNT" =~ ^[0-9]+$ ]] || { echo "not a count: $COUNT" >&2; exit 2; }

case "$URL" in
    sqlite:*)
        command -v sqlite3 >/dev/null || { echo "sqlite3 CLI is not installed" >&2; exit 1; }
        DB=${URL#sqlite:}
        DB=${DB#//}
        DB=${DB%%\?*}
        HEX=${TEMPLATE//-/}
        COLS=$(sqlite3 "$DB" "SELECT group_concat(name, ', ') FROM pragma_table_info('checkouts') WHERE name <> 'id'")
        # In batches of 50,000 rows, each followed by a checkpoint that empties the WAL: as
        # sessions arrive in production, the WAL (and the WAL index the server maps into
        # memory) stays small. One 1,000,000-row transaction made a 9 GB WAL whose 25 MB index
        # then counted in the server's peak RSS.
        BATCH=50000
        {
            echo ".timeout 60000"
            left=$COUNT
            while [ "$left" -gt 0 ]; do
                n=$(( left < BATCH ? left : BATCH ))
                echo "BEGIN IMMEDIATE;"
                echo "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $n)"
                echo "INSERT INTO checkouts (id, $COLS)"
                echo "SELECT randomblob(16), $COLS FROM s, checkouts t WHERE t.id = X'$HEX';"
                echo "COMMIT;"
                echo "PRAGMA wal_checkpoint(TRUNCATE);"
                left=$(( left - n ))
            done
        } | sqlite3 -bail "$DB" >/dev/null
        sqlite3 "$DB" "SELECT 'checkouts now: ' || COUNT(*) FROM checkouts;"
        ;;
    postgres:*|postgresql:*)
        command -v psql >/dev/null || { echo "psql is not installed" >&2; exit 1; }
        COLS=$(psql -At "$URL" -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'checkouts' AND column_name <> 'id'")
        psql -q -v ON_ERROR_STOP=1 "$URL" <<SQL
INSERT INTO checkouts (id, $COLS)
SELECT gen_random_uuid(), $COLS FROM checkouts t, generate_series(1, $COUNT) WHERE t.id = '$TEMPLATE';
ANALYZE checkouts;
SELECT 'checkouts now: ' || COUNT(*) FROM checkouts;
SQL
        ;;
    *) echo "unsupported database URL: $URL" >&2; exit 2 ;;
esac
