#!/usr/bin/env bash
# Reproduces the issue-5 figures of BENCHMARKS.md on a fresh PostgreSQL database `ecommerce_bench`, the app started
# with run.sh on port 8680 (PayPal emulator on 8689). Build first: mvn -B -q install -DskipTests.
#   bench/run_issue5.sh load   SQL of the entitlement check, the ping and one checkout (statement log), then the
#                              entitlement benchmark (issue5_entitlements.sh) and the checkout benchmark
#                              (issue5_checkout.sh, with pgbench): about 15 minutes
#   bench/run_issue5.sh soak   the 10-minute soak (issue5_soak.sh): about 13 minutes
#   bench/run_issue5.sh entitlements   the entitlement benchmark alone (issue5_entitlements.sh): about 10 minutes
# Take the integration-test lock while measuring, so that no test run competes for the 2 cores:
#   flock /tmp/ecommerce-it.lock bench/run_issue5.sh load
# Output: the terminal, and $BENCH_OUT (/tmp/bench5). At the end the app is stopped and the database dropped.
# Not part of CI: neither .ci/run nor test.sh runs anything under bench/.
set -euo pipefail
MODE=${1:-load}
case "$MODE" in load|soak|entitlements) ;; *) echo "usage: $0 load|soak|entitlements" >&2; exit 2 ;; esac
source "$(dirname "$0")/issue5_env.sh"
[ -f "$BENCH_ROOT/ecommerce-it/target/ecommerce.war" ] || { echo "build first: mvn -B -q install -DskipTests" >&2; exit 1; }
trap 'bench_stop_app; "${PSQL[@]}" -c "drop database if exists $BENCH_DB with (force)"' EXIT
echo "issue 5 benchmarks ($MODE), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version'), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

seed() {
  "${PSQL[@]}" -d "$BENCH_DB" -v attendees="${BENCH_ATTENDEES:-20000}" -v offerings="${BENCH_OFFERINGS:-20}" \
    -f "$BENCH_ROOT/bench/issue5_seed.sql"
}

case "$MODE" in
  load)
    SQL_LOG=1 bench_fresh_db
    bench_start_app
    seed
    bench_checkout_setup
    "$BENCH_ROOT/bench/issue5_sql.sh"
    # Measure without the statement log: new connections.
    "${PSQL[@]}" -c "alter database $BENCH_DB reset log_min_duration_statement"
    bench_stop_app
    bench_start_app
    "$BENCH_ROOT/bench/issue5_entitlements.sh"
    "$BENCH_ROOT/bench/issue5_checkout.sh"
    ;;
  entitlements)
    bench_fresh_db
    bench_start_app
    seed
    "$BENCH_ROOT/bench/issue5_entitlements.sh"
    ;;
  soak)
    bench_fresh_db
    bench_start_app
    seed
    bench_checkout_setup
    BENCH_PAYARA_PID=$BENCH_PAYARA_PID "$BENCH_ROOT/bench/issue5_soak.sh"
    ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
