#!/usr/bin/env bash
# Benchmark 1: 100,000 GENERATED codes (no recipients) through the API ($REQUESTS requests x quantity $QTY: 10 x 10,000 by default,
# codeLength 10) versus PostgreSQL COPY of the same 100,000 rows into a scratch copy of promotion_code.
# Needs: the app on $BASE with PostgreSQL database $DB, promotion codes enabled.
set -euo pipefail
BASE=${BASE:-http://localhost:8680}; DB=${DB:-ecommerce_bench}; KEY=${KEY:-demo-platform-key}
REQUESTS=${REQUESTS:-10}; QTY=${QTY:-10000}
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1"
OUT=${OUT:-/tmp/bench1}; mkdir -p "$OUT"; : > "$OUT/requests.txt"
body='{"service":"TRAINING","recipients":[],"codeType":"GENERATED","quantity":'$QTY',"codeLength":10,"usage":{"type":"ONCE"},"discount":{"type":"PERCENT","percent":"15"},"expiresOn":"2027-12-31","appliesTo":"ALL","sendEmail":false}'
before=$($PSQL -Atc "select count(*) from promotion_code")
t0=$(date +%s.%N)
for i in $(seq 1 "$REQUESTS"); do
  r=$(curl -s -o "$OUT/last.json" -w '%{http_code} %{time_total}' -X POST "$BASE/api/v1/promotion-codes" \
      -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d "$body")
  echo "$i $r" >> "$OUT/requests.txt"
  [ "${r%% *}" = 201 ] || { echo "request $i failed: $r"; cat "$OUT/last.json"; exit 1; }
  grep -o '"batchId":"[^"]*"' "$OUT/last.json" | cut -d'"' -f4 >> "$OUT/batches.txt"
done
t1=$(date +%s.%N)
api=$(echo "$t1 - $t0" | bc -l)
after=$($PSQL -Atc "select count(*) from promotion_code")
echo "API: $REQUESTS requests x $QTY codes: $((after - before)) rows created in ${api} s"
sort -k3 -n "$OUT/requests.txt" | awk '{a[NR]=$3} END {printf "per request: min %.3f  median %.3f  max %.3f s\n", a[1], a[int((NR+1)/2)], a[NR]}'

# The same rows as CSV (exported from the table, so they are exactly the rows the API wrote).
tail -n "$REQUESTS" "$OUT/batches.txt" | sed "s/.*/'&'/" | paste -sd, > "$OUT/batchlist.txt"
$PSQL -c "\copy (select * from promotion_code where batch_id in ($(cat "$OUT/batchlist.txt"))) to '$OUT/codes.csv' with (format csv)"
echo "CSV rows: $(wc -l < "$OUT/codes.csv")"
$PSQL -qc "drop table if exists bench_copy" -c "create table bench_copy (like promotion_code including all)"
c0=$(date +%s.%N)
$PSQL -c '\timing on' -c "\copy bench_copy from '$OUT/codes.csv' with (format csv)"
c1=$(date +%s.%N)
copy=$(echo "$c1 - $c0" | bc -l)
echo "COPY: $($PSQL -Atc 'select count(*) from bench_copy') rows in ${copy} s (psql wall time, incl. connect)"
printf 'RATIO API/COPY: %.1fx (goal <= 2x)\n' "$(echo "$api / $copy" | bc -l)"
$PSQL -qc "drop table bench_copy"
