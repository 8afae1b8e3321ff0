#!/usr/bin/env bash
# Issue 5, benchmark A: GET /api/v1/entitlements vs GET /api/v1/ping (same server, same API-key filter) with wrk on
# loopback. Needs the app running with the entitlement seed (bench/run_issue5.sh does both). Warm-up, then ROUNDS
# rounds, each: ping and entitlements at 32 connections (requests/s), then at 8 connections (--latency, p99);
# the two targets alternate so that drift (JIT, GC, neighbours) hits both. Prints every wrk output and a summary
# (medians over the rounds). Each round also measures both at 8 connections that pause PACED_DELAY_MS (4) after
# every answer (a steady rate below the machine's capacity, wrk's latency excludes the pause), since flat out the
# 2 cores are saturated and the tail is the scheduler's queue. Environment: DURATION (20s), WARMUP (30s),
# ROUNDS (3), THREADS (2), PACED_DELAY_MS (4).
set -euo pipefail
source "$(dirname "$0")/issue5_env.sh"
DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-30s}; ROUNDS=${ROUNDS:-3}; THREADS=${THREADS:-2}
PACED_DELAY_MS=${PACED_DELAY_MS:-4}
LUA="$BENCH_ROOT/bench/issue5_api.lua"
export BENCH_KEY BENCH_ATTENDEES=${BENCH_ATTENDEES:-20000} BENCH_OFFERINGS=${BENCH_OFFERINGS:-20}
OUT="$BENCH_OUT/entitlements"; rm -rf "$OUT"; mkdir -p "$OUT"

run_wrk() { # target connections file [--latency [delay ms]]
  BENCH_TARGET=$1 BENCH_DELAY_MS=${5:-0} wrk -t"$THREADS" -c"$2" -d"$DURATION" -s "$LUA" ${4:-} "$BENCH_URL" > "$3"
  echo "--- $(basename "$3"): BENCH_TARGET=$1 BENCH_DELAY_MS=${5:-0} wrk -t$THREADS -c$2 -d$DURATION -s bench/issue5_api.lua ${4:-} $BENCH_URL"
  cat "$3"
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; printf "%.2f\n", v }' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1"; }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "== warm-up ($WARMUP each, 8 and 32 connections)"
for t in ping entitlements; do
  BENCH_TARGET=$t wrk -t"$THREADS" -c8 -d"$WARMUP" -s "$LUA" "$BENCH_URL" | grep -E 'Requests/sec|Non-2xx' | sed "s/^/warm-up $t c8: /"
  BENCH_TARGET=$t wrk -t"$THREADS" -c32 -d"$WARMUP" -s "$LUA" "$BENCH_URL" | grep -E 'Requests/sec|Non-2xx' | sed "s/^/warm-up $t c32: /"
done

for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r"
  run_wrk ping 32 "$OUT/r$r-ping-c32.txt"
  run_wrk entitlements 32 "$OUT/r$r-ent-c32.txt"
  run_wrk ping 8 "$OUT/r$r-ping-c8.txt" --latency
  run_wrk entitlements 8 "$OUT/r$r-ent-c8.txt" --latency
  run_wrk ping 8 "$OUT/r$r-ping-paced.txt" --latency "$PACED_DELAY_MS"
  run_wrk entitlements 8 "$OUT/r$r-ent-paced.txt" --latency "$PACED_DELAY_MS"
done

echo "== summary (per round: ping c32 rps, entitlements c32 rps, ratio; ping c8 p99 ms, entitlements c8 p99 ms, rps at c8)"
for r in $(seq 1 "$ROUNDS"); do
  pr=$(rps "$OUT/r$r-ping-c32.txt"); er=$(rps "$OUT/r$r-ent-c32.txt")
  printf 'round %s: c32 ping %s  entitlements %s  ratio %.1f %%; c8 p99 ping %s ms  entitlements %s ms; c8 rps ping %s  entitlements %s\n' \
    "$r" "$pr" "$er" "$(echo "$er $pr" | awk '{print 100 * $1 / $2}')" "$(p99 "$OUT/r$r-ping-c8.txt")" \
    "$(p99 "$OUT/r$r-ent-c8.txt")" "$(rps "$OUT/r$r-ping-c8.txt")" "$(rps "$OUT/r$r-ent-c8.txt")"
  printf 'round %s: c8 paced (%s ms pause): ping %s req/s p99 %s ms; entitlements %s req/s p99 %s ms\n' "$r" \
    "$PACED_DELAY_MS" "$(rps "$OUT/r$r-ping-paced.txt")" "$(p99 "$OUT/r$r-ping-paced.txt")" \
    "$(rps "$OUT/r$r-ent-paced.txt")" "$(p99 "$OUT/r$r-ent-paced.txt")"
done
for f in "$OUT"/*.txt; do e=$(errors "$f"); [ -z "$e" ] || echo "ERRORS in $(basename "$f"): $e"; done
PR=$(for r in $(seq 1 "$ROUNDS"); do rps "$OUT/r$r-ping-c32.txt"; done | median)
ER=$(for r in $(seq 1 "$ROUNDS"); do rps "$OUT/r$r-ent-c32.txt"; done | median)
EP=$(for r in $(seq 1 "$ROUNDS"); do p99 "$OUT/r$r-ent-c8.txt"; done | median)
PP=$(for r in $(seq 1 "$ROUNDS"); do p99 "$OUT/r$r-ping-c8.txt"; done | median)
RATIO=$(echo "$ER $PR" | awk '{printf "%.1f", 100 * $1 / $2}')
echo "RESULT: c32 median requests/s: ping $PR, entitlements $ER -> $RATIO % (goal >= 90 %)"
echo "RESULT: c8 median p99: entitlements $EP ms (goal < 5 ms), ping $PP ms"
EQ=$(for r in $(seq 1 "$ROUNDS"); do p99 "$OUT/r$r-ent-paced.txt"; done | median)
ER8=$(for r in $(seq 1 "$ROUNDS"); do rps "$OUT/r$r-ent-paced.txt"; done | median)
echo "RESULT: c8 paced ($PACED_DELAY_MS ms pause, median $ER8 req/s) median p99: entitlements $EQ ms"
