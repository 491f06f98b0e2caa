#!/usr/bin/env bash
# Load benchmark: the product against the bare baseline (benches/baseline/fortunes.rs), same
# machine, same run. One command:
#
#   benches/load.sh                 # SQLite
#   benches/load.sh --postgres      # PostgreSQL (PG_URL, default postgres://postgres@127.0.0.1:5432)
#   benches/load.sh --million       # also: 1,000,000 sessions stored vs the near-empty database
#
# Options: --quick (3 s warm-up, 5 s measure), --no-build (reuse target/release), --keep (keep
# the databases). Environment: WARMUP (10), DURATION (20), CONNS (32), CONFIRM_CONNS (16),
# SESSIONS (1000000), PRODUCT_PORT (18080), BASELINE_PORT (18091), PG_URL.
#
# It builds release (`cargo build --release --bin hosted-checkout --example baseline`), starts
# both servers on 127.0.0.1 pinned to CPU 0 (`taskset -c 0`), seeds a catalog through the
# product's CLI and JSON API, and drives each scenario with wrk pinned to CPU 1: a warm-up run,
# then a measured run. It prints a table (rps, p50, p99, errors, product/baseline ratios, peak
# RSS) and the budgets with pass/fail, writes everything to target/load/<run>/ (results.md,
# results.tsv, server logs) and exits non-zero if a budget fails. Servers are stopped on exit.
# Installs Debian's wrk if it is missing; downloads nothing else.

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

BACKEND=sqlite
MILLION=0
BUILD=1
KEEP=0
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
CONNS=${CONNS:-32}
CONFIRM_CONNS=${CONFIRM_CONNS:-16}
CONFIRM_WARMUP=${CONFIRM_WARMUP:-3}
SESSIONS=${SESSIONS:-1000000}
PRODUCT_PORT=${PRODUCT_PORT:-18080}
BASELINE_PORT=${BASELINE_PORT:-18091}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1:5432}

for arg in "$@"; do
    case "$arg" in
        --postgres) BACKEND=postgres ;;
        --sqlite) BACKEND=sqlite ;;
        --million) MILLION=1 ;;
        --quick) WARMUP=3; DURATION=5; CONFIRM_WARMUP=2 ;;
        --no-build) BUILD=0 ;;
        --keep) KEEP=1 ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $arg (see --help)" >&2; exit 2 ;;
    esac
done

log() { printf '[load %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ------------------------------------------------------------------ tools

if ! command -v wrk >/dev/null 2>&1; then
    log "installing Debian's wrk"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 || {
        $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq wrk >/dev/null
    }
fi
command -v wrk >/dev/null || die "wrk is not installed"
command -v curl >/dev/null || die "curl is not installed"
command -v taskset >/dev/null || die "taskset (util-linux) is not installed"

CPUS=$(nproc)
if [ "$CPUS" -ge 2 ]; then
    PIN_SERVER=(taskset -c 0)
    PIN_LOAD=(taskset -c 1)
else
    log "warning: one CPU only; servers and load generator are not pinned apart"
    PIN_SERVER=()
    PIN_LOAD=()
fi

if [ "$BUILD" -eq 1 ]; then
    log "cargo build --release --bin hosted-checkout --example baseline"
    cargo build --release --quiet --bin hosted-checkout --example baseline
fi
PRODUCT_BIN="$ROOT/target/release/hosted-checkout"
BASELINE_BIN="$ROOT/target/release/examples/baseline"
[ -x "$PRODUCT_BIN" ] || die "$PRODUCT_BIN missing (run without --no-build)"
[ -x "$BASELINE_BIN" ] || die "$BASELINE_BIN missing (run without --no-build)"

for port in "$PRODUCT_PORT" "$BASELINE_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is in use (set PRODUCT_PORT / BASELINE_PORT)"
    fi
done

RUN="$(date +%Y%m%d-%H%M%S)-$BACKEND"
OUT="$ROOT/target/load/$RUN"
mkdir -p "$OUT"
ln -sfn "$RUN" "$ROOT/target/load/latest"
log "results in $OUT"

# ------------------------------------------------------------------ databases and servers

PIDS=()
PG_DBS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    # The databases are large after --million (SQLite: ~3 GB): keep only the figures.
    if [ "$KEEP" -eq 0 ] && [ -n "${OUT:-}" ]; then
        rm -f "$OUT"/product.db* "$OUT"/fortunes.db*
    fi
    if [ "$KEEP" -eq 0 ] && [ "${#PG_DBS[@]}" -gt 0 ]; then
        local db
        for db in "${PG_DBS[@]}"; do
            psql -q "$PG_URL/postgres" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
        done
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$BACKEND" = postgres ]; then
    command -v psql >/dev/null || die "psql is not installed"
    PRODUCT_DB="hc_load_$$"
    BASELINE_DB="hc_fortunes_$$"
    for db in "$PRODUCT_DB" "$BASELINE_DB"; do
        psql -q "$PG_URL/postgres" -c "CREATE DATABASE $db" >/dev/null || die "cannot create database $db on $PG_URL"
        PG_DBS+=("$db")
    done
    PRODUCT_URL="$PG_URL/$PRODUCT_DB"
    BASELINE_URL="$PG_URL/$BASELINE_DB"
else
    PRODUCT_URL="sqlite://$OUT/product.db"
    BASELINE_URL="sqlite://$OUT/fortunes.db"
fi

PRODUCT="http://127.0.0.1:$PRODUCT_PORT"
BASELINE="http://127.0.0.1:$BASELINE_PORT"

wait_http() { # url pid name
    local i
    for i in $(seq 1 300); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || die "$3 exited during start-up (see $OUT/$3.log)"
        sleep 0.1
    done
    die "$3 did not answer $1 within 30 s"
}

ORG_JSON=$(RUST_LOG=warn "$PRODUCT_BIN" --database-url "$PRODUCT_URL" org create --name "Load test")
field() { # json key -> first string value of "key"
    printf '%s' "$1" | grep -o "\"$2\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -1 | sed -E 's/.*"([^"]*)"$/\1/'
}
KEY=$(field "$ORG_JSON" api_key)
[ -n "$KEY" ] || die "org create printed no api_key: $ORG_JSON"

# One API key drives every scenario at thousands of requests per second: the per-key rate
# limit (API_RATE_LIMIT, default 100/s) is off here; it is tested in tests/api/operations.rs.
RUST_LOG=warn NO_DEMO=1 API_RATE_LIMIT=0 "${PIN_SERVER[@]}" "$PRODUCT_BIN" --database-url "$PRODUCT_URL" \
    serve --no-demo --bind "127.0.0.1:$PRODUCT_PORT" >"$OUT/product.log" 2>&1 &
PRODUCT_PID=$!
PIDS+=("$PRODUCT_PID")
"${PIN_SERVER[@]}" "$BASELINE_BIN" --database-url "$BASELINE_URL" --bind "127.0.0.1:$BASELINE_PORT" \
    >"$OUT/baseline.log" 2>&1 &
BASELINE_PID=$!
PIDS+=("$BASELINE_PID")
wait_http "$PRODUCT/healthz" "$PRODUCT_PID" product
wait_http "$BASELINE/fortunes" "$BASELINE_PID" baseline
curl -fsS "$BASELINE/fortunes" | grep -q '&#60;script&#62;' || die "baseline does not escape"

api() { # method path [json]
    local args=(-fsS -X "$1" -H "x-api-key: $KEY" -H 'content-type: application/json')
    [ $# -ge 3 ] && args+=(--data "$3")
    curl "${args[@]}" "$PRODUCT$2"
}

log "seeding the catalog through the API"
P1=$(field "$(api POST /products '{"name":"Platform fee","unit_label":"month"}')" id)
P2=$(field "$(api POST /products '{"name":"Seats","unit_label":"seat"}')" id)
P3=$(field "$(api POST /products '{"name":"Storage","unit_label":"GB"}')" id)
PLAN_JSON=$(cat <<EOF
{"name":"Team","currency":"USD","billing_period":"P1M","items":[
 {"product_id":"$P1","pricing":{"pricing_type":"flat_fee","amount":"49.00"},"quantity":1},
 {"product_id":"$P2","pricing":{"pricing_type":"per_unit","unit_amount":"12.00"},"quantity":5,"adjustable":true,"max_quantity":100},
 {"product_id":"$P3","pricing":{"pricing_type":"per_unit","unit_amount":"0.25"},"quantity":50,"adjustable":true,"max_quantity":1000}]}
EOF
)
PLAN=$(field "$(api POST /plans "$PLAN_JSON")" id)
CUSTOMER=$(field "$(api POST /customers '{"customer_name":"Ada Lovelace","email":"ada@example.com"}')" id)
[ -n "$PLAN" ] && [ -n "$CUSTOMER" ] || die "catalog seeding failed"
CREATE_BODY="{\"plan_id\":\"$PLAN\",\"customer_id\":\"$CUSTOMER\",\"success_url\":\"https://shop.example/thanks/{CHECKOUT_ID}\"}"
REVIEW_ID=$(field "$(api POST /checkouts "$CREATE_BODY")" id)
[ -n "$REVIEW_ID" ] || die "creating a checkout failed"
for _ in $(seq 1 24); do api POST /checkouts "$CREATE_BODY" >/dev/null; done
curl -fsS -o /dev/null "$PRODUCT/checkout/$REVIEW_ID/review" || die "review page does not answer 200"

# ------------------------------------------------------------------ wrk scripts

cat >"$OUT/report.lua" <<'EOF'
-- Shared by every scenario: one machine-readable line at the end.
done = function(summary, latency, requests)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d status_errors=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
EOF
cat >"$OUT/get.lua" <<'EOF'
wrk.headers["x-api-key"] = os.getenv("API_KEY")
dofile(os.getenv("REPORT_LUA"))
EOF
cat >"$OUT/create.lua" <<'EOF'
wrk.method = "POST"
wrk.body = os.getenv("CREATE_BODY")
wrk.headers["content-type"] = "application/json"
wrk.headers["x-api-key"] = os.getenv("API_KEY")
dofile(os.getenv("REPORT_LUA"))
EOF
cat >"$OUT/confirm.lua" <<'EOF'
-- Each request confirms the next open session from IDS_FILE (one id per line, never reused
-- within a run; the file is cut into one slice per wrk thread).
local ids, i = {}, 0
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local headers = { ["x-api-key"] = os.getenv("API_KEY"), ["content-type"] = "application/json" }
request = function()
  i = i + 1
  if i > #ids then i = 1 end
  return wrk.format("POST", "/checkouts/" .. ids[i] .. "/confirm", headers, "")
end
dofile(os.getenv("REPORT_LUA"))
EOF

# ------------------------------------------------------------------ scenarios

TSV="$OUT/results.tsv"
printf 'scenario\tserver\tconns\trequests\trps\tp50_ms\tp99_ms\terrors\n' >"$TSV"

wrk_once() { # seconds conns url lua > RESULT line
    API_KEY="$KEY" CREATE_BODY="$CREATE_BODY" REPORT_LUA="$OUT/report.lua" IDS_FILE="${IDS_FILE:-/dev/null}" \
        "${PIN_LOAD[@]}" wrk -t1 -c"$2" -d"${1}s" --timeout 5s -s "$4" "$3"
}

# scenario name, server, conns, url, lua, warm-up seconds
scenario() {
    local name=$1 server=$2 conns=$3 url=$4 lua=$5 warm=$6 line
    if [ "$warm" -gt 0 ]; then
        log "$name: warm-up ${warm}s, c=$conns"
        wrk_once "$warm" "$conns" "$url" "$lua" >"$OUT/$name.warmup.txt" 2>&1 || true
        if [ -n "${IDS_FILE:-}" ]; then
            # The measured run must not reuse the sessions the warm-up confirmed (its count
            # misses the requests still in flight when it stopped: skip c more).
            line=$(grep '^RESULT' "$OUT/$name.warmup.txt") || die "no warm-up result for $name"
            eval "local ${line#RESULT }"
            WARM_SENT=$((requests + conns))
            tail -n +"$((WARM_SENT + 1))" "$IDS_FILE" >"$IDS_FILE.measure"
            IDS_FILE="$IDS_FILE.measure"
        fi
    fi
    log "$name: measuring ${DURATION}s, c=$conns"
    wrk_once "$DURATION" "$conns" "$url" "$lua" >"$OUT/$name.txt" 2>&1 || die "wrk failed for $name (see $OUT/$name.txt)"
    line=$(grep '^RESULT' "$OUT/$name.txt") || die "no result for $name"
    # shellcheck disable=SC2086
    eval "local ${line#RESULT }"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$server" "$conns" "$requests" "$rps" "$p50_ms" "$p99_ms" "$errors" >>"$TSV"
    log "$name: $rps rps, p50 $p50_ms ms, p99 $p99_ms ms, errors $errors"
}

get() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$TSV"; }

scenario baseline_fortunes baseline "$CONNS" "$BASELINE/fortunes" "$OUT/get.lua" "$WARMUP"
scenario review product "$CONNS" "$PRODUCT/checkout/$REVIEW_ID/review" "$OUT/get.lua" "$WARMUP"
scenario list product "$CONNS" "$PRODUCT/checkouts?limit=20" "$OUT/get.lua" "$WARMUP"
scenario create product "$CONNS" "$PRODUCT/checkouts" "$OUT/create.lua" "$WARMUP"

# The sessions created above are the ones confirmed: collect the open ones through the API.
log "collecting open sessions for confirm"
IDS_FILE="$OUT/confirm_ids.txt"
: >"$IDS_FILE"
after=""
while :; do
    page=$(api GET "/checkouts?limit=100&checkout_status=open${after:+&starting_after=$after}")
    ids=$(printf '%s' "$page" | grep -o '"id"[[:space:]]*:[[:space:]]*"[^"]*"' | sed -E 's/.*"([^"]*)"$/\1/')
    [ -n "$ids" ] || break
    printf '%s\n' "$ids" | grep -v "^$REVIEW_ID\$" >>"$IDS_FILE" || true
    after=$(printf '%s\n' "$ids" | tail -1)
    printf '%s' "$page" | grep -q '"has_more"[[:space:]]*:[[:space:]]*true' || break
done
OPEN=$(wc -l <"$IDS_FILE")
log "$OPEN open sessions to confirm"
export IDS_FILE
WARM_SENT=0
scenario confirm product "$CONFIRM_CONNS" "$PRODUCT" "$OUT/confirm.lua" "$CONFIRM_WARMUP"
CONFIRMED=$(( $(get confirm 4) + CONFIRM_CONNS + WARM_SENT ))
unset IDS_FILE

if [ "$MILLION" -eq 1 ]; then
    log "storing $SESSIONS more sessions (copies of a real one)"
    t0=$(date +%s)
    bash "$ROOT/benches/seed_million.sh" "$PRODUCT_URL" "$REVIEW_ID" "$SESSIONS" >"$OUT/seed_million.log" 2>&1 ||
        die "seeding failed (see $OUT/seed_million.log)"
    log "stored in $(( $(date +%s) - t0 )) s"
    scenario review_1m product "$CONNS" "$PRODUCT/checkout/$REVIEW_ID/review" "$OUT/get.lua" "$WARMUP"
    scenario list_1m product "$CONNS" "$PRODUCT/checkouts?limit=20" "$OUT/get.lua" "$WARMUP"
fi

RSS_PRODUCT_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$PRODUCT_PID/status")
RSS_BASELINE_KB=$(awk '/^VmHWM/ { print $2 }' "/proc/$BASELINE_PID/status")
kill -0 "$PRODUCT_PID" 2>/dev/null || die "the product died during the run (see $OUT/product.log)"

# ------------------------------------------------------------------ report

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

BASE_RPS=$(get baseline_fortunes 5)
verdict() { if "$@"; then echo pass; else echo FAIL; fi; }

CPU_MODEL=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
{
    echo "# Load run $RUN"
    echo
    echo "Backend **$BACKEND**; $CPUS CPUs ($CPU_MODEL); servers on CPU 0, wrk on CPU 1 (\`taskset\`);"
    echo "wrk 1 thread, warm-up ${WARMUP} s then ${DURATION} s measured per scenario; $(rustc -V 2>/dev/null || echo rustc);"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "| Scenario | c | Requests | rps | p50 ms | p99 ms | Errors | rps / baseline |"
    echo "|---|---|---|---|---|---|---|---|"
    tail -n +2 "$TSV" | while IFS=$'\t' read -r name server conns requests rps p50 p99 errors; do
        echo "| $name ($server) | $conns | $requests | $rps | $p50 | $p99 | $errors | $(ratio "$rps" "$BASE_RPS") |"
    done
    echo
    echo "Peak RSS (VmHWM): product $((RSS_PRODUCT_KB / 1024)) MiB, baseline $((RSS_BASELINE_KB / 1024)) MiB."
    echo "Confirm: $OPEN open sessions available, at most $CONFIRMED confirm requests sent (warm-up included)$( [ "$CONFIRMED" -gt "$OPEN" ] && echo ' — MORE than sessions: later requests re-confirmed closed sessions; lengthen the create run or shorten the confirm run')."
    echo
    echo "| Budget | Measured | Result |"
    echo "|---|---|---|"
    R=$(ratio "$(get review 5)" "$BASE_RPS")
    echo "| review page ≥ 0.5× baseline rps | $R× | $(verdict ge "$R" 0.5) |"
    echo "| review page p99 ≤ 10 ms | $(get review 7) ms | $(verdict le "$(get review 7)" 10) |"
    R=$(ratio "$(get create 5)" "$BASE_RPS")
    echo "| create ≥ 0.25× baseline rps | $R× | $(verdict ge "$R" 0.25) |"
    echo "| create: zero errors | $(get create 8) | $(verdict [ "$(get create 8)" -eq 0 ]) |"
    echo "| confirm p99 ≤ 30 ms at c = $CONFIRM_CONNS | $(get confirm 7) ms | $(verdict le "$(get confirm 7)" 30) |"
    echo "| confirm: zero errors | $(get confirm 8) | $(verdict [ "$(get confirm 8)" -eq 0 ]) |"
    echo "| server peak RSS ≤ 64 MB | $((RSS_PRODUCT_KB / 1024)) MiB | $(verdict [ "$RSS_PRODUCT_KB" -le 65536 ]) |"
    if [ "$MILLION" -eq 1 ]; then
        for s in review list; do
            R50=$(ratio "$(get "${s}_1m" 6)" "$(get "$s" 6)")
            R99=$(ratio "$(get "${s}_1m" 7)" "$(get "$s" 7)")
            echo "| $s p50 with $SESSIONS sessions ≤ 1.5× near-empty | ${R50}× (p99 ${R99}×) | $(verdict le "$R50" 1.5) |"
        done
    fi
} >"$OUT/results.md"

cat "$OUT/results.md"
if grep -q '| FAIL |' "$OUT/results.md"; then
    log "a budget failed"
    exit 1
fi
