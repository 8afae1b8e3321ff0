#!/usr/bin/env bash
# Shared by the issue-5 benchmarks (sourced, not run): a fresh PostgreSQL database `ecommerce_bench`, the app
# started with run.sh on port 8680 (PayPal emulator on 8689, demo data), and helpers to stop both.
# Environment: BENCH_DB (ecommerce_bench), BENCH_PORT (8680), BENCH_EMULATOR_PORT (8689), BENCH_HEAP (JVM options
# for Payara Micro, default none: the JVM's own default heap, as in production without tuning).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BENCH_DB=${BENCH_DB:-ecommerce_bench}
BENCH_PORT=${BENCH_PORT:-8680}
BENCH_EMULATOR_PORT=${BENCH_EMULATOR_PORT:-8689}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
BENCH_KEY=${BENCH_KEY:-demo-platform-key}
BENCH_OUT=${BENCH_OUT:-/tmp/bench5}
mkdir -p "$BENCH_OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
export PGPASSWORD=${PGPASSWORD:-postgres}

# Drops and creates the bench database. With SQL_LOG=1 every statement of its sessions goes to PostgreSQL's log.
bench_fresh_db() {
  "${PSQL[@]}" -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
  if [ "${SQL_LOG:-0}" = 1 ]; then
    "${PSQL[@]}" -c "alter database $BENCH_DB set log_min_duration_statement = 0"
  fi
}

# Starts run.sh (SKIP_BUILD=1) over the bench database in its own process group; waits until the app serves.
bench_start_app() {
  rm -rf "$BENCH_OUT/data/payara" # a kept runtime folder makes Payara Micro deploy the old WAR, then undeploy it
  PORT=$BENCH_PORT EMULATOR_PORT=$BENCH_EMULATOR_PORT ECOMMERCE_DATA_DIR=$BENCH_OUT/data SKIP_BUILD=1 \
    ECOMMERCE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB?reWriteBatchedInserts=true" \
    ECOMMERCE_DB_DRIVER=org.postgresql.ds.PGSimpleDataSource ECOMMERCE_DB_USER=postgres ECOMMERCE_DB_PASSWORD=postgres \
    JDK_JAVA_OPTIONS="${BENCH_HEAP:-}" \
    setsid "$BENCH_ROOT/run.sh" > "$BENCH_OUT/app.log" 2>&1 &
  BENCH_APP=$!
  local i
  for i in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BENCH_URL/api/v1/settings" -H "Authorization: Bearer $BENCH_KEY")" = 200 ] && break
    sleep 2
  done
  BENCH_PAYARA_PID=$(pgrep -g "$BENCH_APP" -f 'payara-micro.jar' | head -n1)
  echo "app up (run.sh pgid $BENCH_APP, Payara Micro pid $BENCH_PAYARA_PID)"
}

bench_stop_app() {
  if [ -n "${BENCH_APP:-}" ]; then
    kill -- -"$BENCH_APP" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do kill -0 -- -"$BENCH_APP" 2>/dev/null || break; sleep 1; done
    BENCH_APP=""
  fi
}

bench_api() { # method path body ('' for none) [extra curl args...]
  local m=$1 p=$2 b=$3
  shift 3
  if [ -n "$b" ]; then
    curl -s -X "$m" "$BENCH_URL$p" -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' -d "$b" "$@"
  else
    curl -s -X "$m" "$BENCH_URL$p" -H "Authorization: Bearer $BENCH_KEY" "$@"
  fi
}

# The Payara Micro JVM's heap after a full GC, in MB (jcmd GC.run, then GC.heap_info's used figure).
bench_heap_after_gc() {
  "$JAVA_HOME/bin/jcmd" "$BENCH_PAYARA_PID" GC.run > /dev/null
  "$JAVA_HOME/bin/jcmd" "$BENCH_PAYARA_PID" GC.heap_info | sed -n 's/.*total reserved.*, committed \([0-9]*\)K, used \([0-9]*\)K.*/\2/p; s/.* total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' | head -n1 | awk '{printf "%.1f\n", $1/1024}'
}

# The checkout benchmark's data: promotion codes on, offering bench-checkout (20.00 USD), codes BENCH10 (10 %,
# limited to 1,000,000 uses: never reached) and LIMIT50 (10 %, limited to 50 uses: the over-redemption check).
bench_checkout_setup() {
  bench_api PUT /api/v1/settings '{"promotionCodesEnabled": true}' -o /dev/null
  bench_api PUT /api/v1/offerings/bench-checkout '{"title": "Bench checkout", "service": "EVENTS", "type": "RECORDING",
    "host": "host@demo.example", "fee": {"amount": "20.00", "currency": "USD"}}' -o /dev/null
  local c l
  for c in BENCH10:1000000 LIMIT50:50; do
    l=${c#*:}; c=${c%%:*}
    bench_api POST /api/v1/promotion-codes '{"service": "EVENTS", "recipients": [], "codeType": "CUSTOM",
      "customCode": "'"$c"'", "usage": {"type": "LIMITED", "limit": '"$l"'}, "discount": {"type": "PERCENT",
      "percent": "10"}, "expiresOn": "2030-01-31", "appliesTo": "ALL", "sendEmail": false}' -o /dev/null
  done
}

# One checkout with curl (order with BENCH10, then a Visa payment): prints the order id.
bench_one_checkout() { # email idempotency-key
  local o id
  o=$(bench_api POST /api/v1/orders '{"offering": "bench-checkout", "attendee": {"email": "'"$1"'"}, "promotionCode": "BENCH10"}')
  id=$(echo "$o" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  bench_api POST "/api/v1/orders/$id/payments" '{"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Ann Smith"}}' \
    -H "Idempotency-Key: $2" | grep -q '"status":"APPROVED"' || { echo "checkout of $1 not approved" >&2; return 1; }
  echo "$id"
}
