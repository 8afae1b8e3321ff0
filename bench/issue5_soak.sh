#!/usr/bin/env bash
# Issue 5, benchmark C: a soak at a steady rate, in one-minute segments: entitlement checks (8 connections, each
# pausing ENT_DELAY_MS after every answer) and checkouts with BENCH10 (2 connections, pausing CHECKOUT_DELAY_MS)
# side by side. After the warm-up segment and after every segment: a full GC (jcmd GC.run) and the heap in use
# after it (jcmd GC.heap_info), the JVM's resident memory (ps), the requests and every error (wrk's non-2xx and
# socket errors, checkouts not approved or refused). Needs the app running with the entitlement seed and
# bench_checkout_setup done. Environment: MINUTES (10), ENT_DELAY_MS (10), CHECKOUT_DELAY_MS (200).
set -euo pipefail
source "$(dirname "$0")/issue5_env.sh"
MINUTES=${MINUTES:-10}; ENT_DELAY_MS=${ENT_DELAY_MS:-10}; CHECKOUT_DELAY_MS=${CHECKOUT_DELAY_MS:-200}
BENCH_PAYARA_PID=${BENCH_PAYARA_PID:-$(pgrep -f "payara-micro.jar.*--port $BENCH_PORT" | head -n1)}
OUT="$BENCH_OUT/soak"; rm -rf "$OUT"; mkdir -p "$OUT"
RUN=$(date +%s)
export BENCH_KEY BENCH_ATTENDEES=${BENCH_ATTENDEES:-20000} BENCH_OFFERINGS=${BENCH_OFFERINGS:-20}

segment() { # name
  BENCH_TARGET=entitlements BENCH_DELAY_MS=$ENT_DELAY_MS wrk -t2 -c8 -d60s -s "$BENCH_ROOT/bench/issue5_api.lua" \
    "$BENCH_URL" > "$OUT/$1-ent.txt" &
  local e=$!
  BENCH_CODE=BENCH10 BENCH_RUN="$RUN-$1" BENCH_OFFERING=bench-checkout BENCH_DELAY_MS=$CHECKOUT_DELAY_MS \
    wrk -t2 -c2 -d60s -s "$BENCH_ROOT/bench/issue5_checkout.lua" "$BENCH_URL" > "$OUT/$1-checkout.txt"
  wait $e
}
report() { # name
  local heap rss ent errs co
  heap=$(bench_heap_after_gc)
  rss=$(ps -o rss= -p "$BENCH_PAYARA_PID" | awk '{printf "%.0f", $1 / 1024}')
  ent=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/$1-ent.txt")
  errs=$(cat "$OUT/$1-ent.txt" "$OUT/$1-checkout.txt" | awk '/Non-2xx|Socket errors/' | tr '\n' ' ')
  if ! grep -q 'not approved 0; orders refused as used up 0, otherwise 0;' "$OUT/$1-checkout.txt"; then
    errs="$errs checkouts not approved or refused"
  fi
  co=$(sed -n 's/^CHECKOUT: \([0-9]*\) paid orders in [0-9.]* s = \([0-9.]*\) orders\/s; payments not approved \([0-9]*\); orders refused as used up \([0-9]*\), otherwise \([0-9]*\);.*/\1 paid (\2\/s), not approved \3, refused \4+\5/p' "$OUT/$1-checkout.txt")
  printf '%-8s %s  heap after GC %6s MB  RSS %5s MB  entitlements %8s req/s  checkouts %s  errors: %s\n' \
    "$1" "$(date -u +%H:%M:%S)" "$heap" "$rss" "$ent" "$co" "${errs:-none}"
}

echo "soak: $MINUTES x 60 s after 60 s of warm-up; entitlements: BENCH_TARGET=entitlements BENCH_DELAY_MS=$ENT_DELAY_MS wrk -t2 -c8 -d60s -s bench/issue5_api.lua; checkouts: BENCH_CODE=BENCH10 BENCH_DELAY_MS=$CHECKOUT_DELAY_MS wrk -t2 -c2 -d60s -s bench/issue5_checkout.lua"
printf '%-8s %s  heap after GC %6s MB\n' start "$(date -u +%H:%M:%S)" "$(bench_heap_after_gc)"
segment warmup; report warmup | tee "$OUT/warmup.txt"
for m in $(seq 1 "$MINUTES"); do segment "min$m"; report "min$m"; done | tee "$OUT/report.txt"
WARM=$(awk '{print $6}' "$OUT/warmup.txt")
FIRST=$(awk 'NR == 1 {print $6}' "$OUT/report.txt"); LAST=$(awk 'END {print $6}' "$OUT/report.txt")
MAX=$(awk '{print $6}' "$OUT/report.txt" | sort -g | tail -1)
ERRORS=$(grep -c -v 'errors: none' "$OUT/report.txt" || true)
PAID=$(sed -n 's/.*checkouts \([0-9]*\) paid.*/\1/p' "$OUT/report.txt" | awk '{s += $1} END {print s}')
ENTS=$(awk '{print $12}' "$OUT/report.txt" | awk '{s += $1 * 60} END {printf "%.0f", s}')
echo "RESULT: heap after GC: after warm-up $WARM MB, minute 1 $FIRST MB, last minute $LAST MB, highest $MAX MB; about $ENTS entitlement checks and $PAID paid checkouts; minutes with errors: $ERRORS of $MINUTES"
