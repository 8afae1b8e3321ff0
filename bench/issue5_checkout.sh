#!/usr/bin/env bash
# Issue 5, benchmark B: checkout with a promotion code against the PayPal emulator on loopback, orders/s on
# PostgreSQL, vs pgbench running the same statements (bench/issue5_sql.sh made the script from the application's
# statement log) as one transaction. Needs the app running (no statement log) with bench_checkout_setup done and
# $BENCH_OUT/sql/checkout.pgbench. Environment: CONNECTIONS (8, also pgbench's clients), DURATION (60s),
# WARMUP (20s).
#   1. warm-up, then wrk (bench/issue5_checkout.lua) for DURATION with code BENCH10: orders/s = paid orders / s;
#   2. over-redemption run: 15 s of the same load on code LIMIT50 (50 uses);
#   3. SQL checks of both codes (uses, reservations, confirmed redemptions, paid orders) against their limits;
#   4. pgbench -M prepared with the same clients for DURATION (statement log off for its sessions).
set -euo pipefail
source "$(dirname "$0")/issue5_env.sh"
CONNECTIONS=${CONNECTIONS:-8}; DURATION=${DURATION:-60s}; WARMUP=${WARMUP:-20s}
LUA="$BENCH_ROOT/bench/issue5_checkout.lua"
SCRIPT="$BENCH_OUT/sql/checkout.pgbench"
[ -f "$SCRIPT" ] || { echo "no $SCRIPT: run bench/issue5_sql.sh first" >&2; exit 1; }
OUT="$BENCH_OUT/checkout"; rm -rf "$OUT"; mkdir -p "$OUT"
RUN=$(date +%s)
export BENCH_KEY BENCH_OFFERING=bench-checkout

checkout() { # code tag duration
  BENCH_CODE=$1 BENCH_RUN="$RUN-$2" wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$3" -s "$LUA" --latency "$BENCH_URL"
}

echo "== warm-up: $WARMUP"
checkout BENCH10 warm "$WARMUP" | grep CHECKOUT
echo "== application: BENCH_CODE=BENCH10 wrk -t$CONNECTIONS -c$CONNECTIONS -d$DURATION -s bench/issue5_checkout.lua --latency $BENCH_URL"
checkout BENCH10 main "$DURATION" | tee "$OUT/app.txt"
echo "== over-redemption: 15 s on LIMIT50 (50 uses)"
checkout LIMIT50 limit 15s | tee "$OUT/limit.txt" | grep CHECKOUT

echo "== SQL checks"
"${PSQL[@]}" -d "$BENCH_DB" -P pager=off -c "
select c.code, c.usage_limit, c.used_count, c.reserved_count,
       (select count(*) from redemption r where r.code_id = c.id and r.status = 'CONFIRMED') as confirmed,
       (select count(*) from redemption r where r.code_id = c.id and r.status = 'RESERVED') as reserved,
       (select count(*) from purchase_order o where o.site_id = c.site_id and o.promotion_code = c.code
          and o.status = 'PAID') as paid_orders,
       case when c.used_count + c.reserved_count <= c.usage_limit
             and c.used_count = (select count(*) from redemption r where r.code_id = c.id and r.status = 'CONFIRMED')
             and c.reserved_count = (select count(*) from redemption r where r.code_id = c.id and r.status = 'RESERVED')
            then 'ok' else 'OVER-REDEEMED OR INCONSISTENT' end as verdict
  from promotion_code c where c.code in ('BENCH10', 'LIMIT50') order by c.code" | tee "$OUT/sql-checks.txt"
"${PSQL[@]}" -d "$BENCH_DB" -c "create sequence if not exists bench_checkout_seq"

echo "== pgbench: $(grep -c ';$' "$SCRIPT") statements as one transaction; warm-up 10 s, then $DURATION"
PGB=(pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$CONNECTIONS" -j 2 -f "$SCRIPT" "$BENCH_DB")
PGOPTIONS='-c log_min_duration_statement=-1' "${PGB[@]}" -T 10 > /dev/null 2>&1
echo "PGOPTIONS='-c log_min_duration_statement=-1' pgbench -h 127.0.0.1 -U postgres -n -M prepared -c $CONNECTIONS -j 2 -f checkout.pgbench -T ${DURATION%s} $BENCH_DB"
PGOPTIONS='-c log_min_duration_statement=-1' "${PGB[@]}" -T "${DURATION%s}" 2>&1 | tee "$OUT/pgbench.txt"

APP=$(sed -n 's/.*= \([0-9.]*\) orders\/s.*/\1/p' "$OUT/app.txt")
PG=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$OUT/pgbench.txt")
echo "RESULT: application $APP orders/s, pgbench $PG transactions/s -> $(echo "$APP $PG" | awk '{printf "%.1f", 100 * $1 / $2}') % (goal >= 50 %)"
LIMITED=$(awk -F'|' '$1 ~ /LIMIT50/ {gsub(/ /, "", $5); print $5}' "$OUT/sql-checks.txt")
echo "RESULT: LIMIT50 confirmed redemptions $LIMITED (limit 50); verdicts: $(grep -c '| ok$' "$OUT/sql-checks.txt") of 2 ok"
