#!/usr/bin/env bash
# Issue 5: the entitlement check's tail latency under JVM heap/GC settings (how BENCHMARKS.md chose them). For each
# setting in GC_OPTIONS (one per line; "default" = none), starts the app on a fresh seeded database with those
# options (plus a GC log), warms 40 s, then runs wrk --latency at 8 connections for 20 s on ping and on entitlements
# and prints p50/p99, requests/s and the GC pauses during that minute.
# Run under the IT lock: flock /tmp/ecommerce-it.lock bench/issue5_gc.sh
set -euo pipefail
source "$(dirname "$0")/issue5_env.sh"
GC_OPTIONS=${GC_OPTIONS:-"default
-Xms2g -Xmx2g -Xmn1g
-XX:+UseZGC -Xms2g -Xmx2g"}
LUA="$BENCH_ROOT/bench/issue5_api.lua"
export BENCH_KEY BENCH_ATTENDEES=20000 BENCH_OFFERINGS=20
trap 'bench_stop_app; "${PSQL[@]}" -c "drop database if exists $BENCH_DB with (force)"' EXIT
while IFS= read -r opts; do
  bench_stop_app
  bench_fresh_db
  rm -f "$BENCH_OUT"/gc-*.log
  o=""; [ "$opts" = default ] || o=$opts
  BENCH_HEAP="$o -Xlog:gc:file=$BENCH_OUT/gc-%p.log" bench_start_app
  "${PSQL[@]}" -d "$BENCH_DB" -v attendees=20000 -v offerings=20 -f "$BENCH_ROOT/bench/issue5_seed.sql"
  for t in ping entitlements; do BENCH_TARGET=$t wrk -t2 -c8 -d20s -s "$LUA" "$BENCH_URL" > /dev/null; done
  G="$BENCH_OUT/gc-$BENCH_PAYARA_PID.log"; start=$(wc -l < "$G")
  for t in ping entitlements; do
    BENCH_TARGET=$t wrk -t2 -c8 -d20s --latency -s "$LUA" "$BENCH_URL" \
      | awk -v t="$t" -v o="$opts" '$1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2} /^Requests\/sec/ {r = $2} END {printf "%-28s %-13s p50 %8s  p99 %8s  %9s req/s\n", o, t, p50, p99, r}'
  done
  tail -n +"$((start + 1))" "$G" | awk -v o="$opts" '/Pause/ {n++; v = $NF; sub(/ms/, "", v); s += v; if (v + 0 > m) m = v} END {printf "%-28s GC pauses in those 40 s: %d, total %.0f ms, longest %s ms\n", o, n, s, m}'
done <<< "$GC_OPTIONS"
