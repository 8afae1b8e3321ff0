#!/usr/bin/env bash
# Issue 5: what SQL the entitlement check, the ping and one checkout send, from PostgreSQL's statement log
# (log_min_duration_statement = 0 on the bench database, set by bench_fresh_db with SQL_LOG=1 before the app
# started). Needs the app running on that database with bench_checkout_setup done. Writes to $BENCH_OUT/sql/:
# entitlements.log, ping.log, checkout.log (the log lines), checkout-tokens.json, checkout.pgbench (the pgbench
# script: bench/issue5_pgbench.py), and prints the statements.
set -euo pipefail
source "$(dirname "$0")/issue5_env.sh"
PGLOG=${BENCH_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
OUT="$BENCH_OUT/sql"; rm -rf "$OUT"; mkdir -p "$OUT"
RUN=$(date +%s)

capture() { # file command...
  local f=$1; shift
  local n0; n0=$(wc -l < "$PGLOG")
  "$@" > /dev/null
  sleep 1
  tail -n +"$((n0 + 1))" "$PGLOG" | grep "@$BENCH_DB " > "$f" || true
}
statements() { sed -n 's/.* execute [^:]*: //p' "$1"; }
# The request's own statements: without the background jobs' polls (mail outbox, reconciler: SKIP LOCKED) and the
# bare BEGIN/COMMIT around them that may fall into the same second.
own() { statements "$1" | grep -vi 'skip locked' | grep -vx 'BEGIN\|COMMIT' || true; }

# Row ids far from any other number in the log (the token rewriting of issue5_pgbench.py needs that): the next
# block of ids the application takes from ec_id_seq starts at 5,000,000,000; ten warm checkouts use up the block
# it holds (50 ids). Warm also means: classes loaded, statements prepared.
"${PSQL[@]}" -d "$BENCH_DB" -Atc "select setval('ec_id_seq', 5000000000)" > /dev/null
for i in $(seq 1 10); do
  bench_one_checkout "warm-$RUN-$i@example.com" "warm-$RUN-$i" > /dev/null
  bench_api GET "/api/v1/entitlements?attendee=warm-$RUN-$i%40example.com&offering=bench-checkout" '' -o /dev/null
  bench_api GET /api/v1/ping '' -o /dev/null
done

capture "$OUT/entitlements.log" bench_api GET "/api/v1/entitlements?attendee=warm-$RUN-1%40example.com&offering=bench-checkout" ''
capture "$OUT/ping.log" bench_api GET /api/v1/ping ''
EMAIL="pgbsample-$RUN@example.com"
capture "$OUT/checkout.log" bench_one_checkout "$EMAIL" "pgbsample-$RUN-pay"

# The values unique to that checkout: they become expressions of :n in the pgbench script.
q() { "${PSQL[@]}" -d "$BENCH_DB" -At -F ' ' -c "$1"; }
read -r ACC < <(q "select id from account where email_key = '$EMAIL'")
read -r ORD ORDPUB < <(q "select id, public_id from purchase_order where attendee_id = $ACC")
read -r RED < <(q "select id from redemption where order_id = $ORD")
read -r TX TXPUB REQ CUST REF < <(q "select id, public_id, request_id, cust_ref, reference from payment_transaction where order_id = $ORD")
read -r ENT < <(q "select id from entitlement where order_id = $ORD")
read -r IDEM < <(q "select id from idempotency_record where idem_key = 'pgbsample-$RUN-pay'")
cat > "$OUT/checkout-tokens.json" <<JSON
{"numbers": ["$ACC", "$ORD", "$RED", "$TX", "$ENT", "$IDEM"],
 "strings": ["pgbsample-$RUN", "$ORDPUB", "$TXPUB", "$REQ", "$CUST", "$REF"]}
JSON
python3 "$BENCH_ROOT/bench/issue5_pgbench.py" "$OUT/checkout.log" "$OUT/checkout-tokens.json" > "$OUT/checkout.pgbench"

echo "== GET /api/v1/entitlements: $(own "$OUT/entitlements.log" | wc -l) statement(s)"
own "$OUT/entitlements.log"
echo "== GET /api/v1/ping: $(own "$OUT/ping.log" | wc -l) statement(s)"
own "$OUT/ping.log"
echo "== one checkout (POST /api/v1/orders with BENCH10, POST /api/v1/orders/{id}/payments): $(statements "$OUT/checkout.log" | wc -l) statements, of which BEGIN $(statements "$OUT/checkout.log" | grep -c '^BEGIN$'), background polls $(statements "$OUT/checkout.log" | grep -ci 'skip locked')"
statements "$OUT/checkout.log" | sed -E 's/^(select|SELECT) .* FROM ([a-z_]+).*/SELECT … FROM \2/; s/^(INSERT INTO [a-z_]+).*/\1 …/; s/^(UPDATE [a-z_]+) SET.*/\1 SET …/' | sort | uniq -c | sort -rn
echo "pgbench script: $OUT/checkout.pgbench ($(grep -c ';$' "$OUT/checkout.pgbench") statements incl. BEGIN/COMMIT)"
