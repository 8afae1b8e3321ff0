#!/usr/bin/env bash
# Builds the WAR and the PayPal emulator, then starts both:
#   - the PayPal emulator on http://127.0.0.1:8089/ (Payflow Pro pilot behaviour, test mode works offline)
#   - Payara Micro with the WAR on http://localhost:8080/ (H2 file database under ./data, demo data)
# Environment (all optional): ECOMMERCE_DATA_DIR (default ./data), ECOMMERCE_DB_URL / _DRIVER / _USER /
# _PASSWORD (default: the H2 file in the data folder), ECOMMERCE_DEMO (default true), PORT (8080),
# EMULATOR_PORT (8089), SKIP_BUILD=1 to reuse the last build. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")"

# A JDK 21+ for Payara Micro 7: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for j in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*21* ; do
    if [ -x "$j/bin/java" ] && [ "$(java_major "$j")" -ge 21 ]; then export JAVA_HOME="$j"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  echo "Payara Micro 7 needs a JDK 21 or newer: set JAVA_HOME." >&2; exit 1
fi
JAVA="$JAVA_HOME/bin/java"

DATA_DIR="$(mkdir -p "${ECOMMERCE_DATA_DIR:-data}" && cd "${ECOMMERCE_DATA_DIR:-data}" && pwd)"
PORT="${PORT:-8080}"
EMULATOR_PORT="${EMULATOR_PORT:-8089}"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B -q install -DskipTests
fi

mkdir -p "$DATA_DIR/tmp"
"$JAVA" -cp ecommerce-it/target/classes org.eventcommerce.emulator.PayPalEmulator \
    --host 127.0.0.1 --port "$EMULATOR_PORT" &
EMULATOR_PID=$!
PAYARA_PID=""
# Stopping the script (Ctrl+C, or kill <script pid>) stops both processes.
trap 'kill $EMULATOR_PID $PAYARA_PID 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM

export ECOMMERCE_DATA_DIR="$DATA_DIR"
export ECOMMERCE_DB_URL="${ECOMMERCE_DB_URL:-jdbc:h2:file:$DATA_DIR/ecommerce;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000}"
export ECOMMERCE_DB_DRIVER="${ECOMMERCE_DB_DRIVER:-org.h2.jdbcx.JdbcDataSource}"
export ECOMMERCE_DB_USER="${ECOMMERCE_DB_USER:-sa}"
export ECOMMERCE_DB_PASSWORD="${ECOMMERCE_DB_PASSWORD:-sa}"
export ECOMMERCE_DEMO="${ECOMMERCE_DEMO:-true}"
export ECOMMERCE_PAYFLOW_TEST_URL="${ECOMMERCE_PAYFLOW_TEST_URL:-http://127.0.0.1:$EMULATOR_PORT/}"
# Express Checkout in Test mode: the emulator's NVP API, approval page and platform API credentials.
export ECOMMERCE_PAYFLOW_HOSTED_TEST_URL="${ECOMMERCE_PAYFLOW_HOSTED_TEST_URL:-http://127.0.0.1:$EMULATOR_PORT/hosted}"
export ECOMMERCE_PAYFLOW_EXPRESS_TEST_URL="${ECOMMERCE_PAYFLOW_EXPRESS_TEST_URL:-http://127.0.0.1:$EMULATOR_PORT/payflow-ec/checkout}"
export ECOMMERCE_PAYPAL_NVP_TEST_URL="${ECOMMERCE_PAYPAL_NVP_TEST_URL:-http://127.0.0.1:$EMULATOR_PORT/nvp}"
export ECOMMERCE_PAYPAL_CHECKOUT_TEST_URL="${ECOMMERCE_PAYPAL_CHECKOUT_TEST_URL:-http://127.0.0.1:$EMULATOR_PORT/cgi-bin/webscr?cmd=_express-checkout&token=}"
export ECOMMERCE_PAYPAL_API_TEST_USERNAME="${ECOMMERCE_PAYPAL_API_TEST_USERNAME:-platform_api1.demo.example}"
export ECOMMERCE_PAYPAL_API_TEST_PASSWORD="${ECOMMERCE_PAYPAL_API_TEST_PASSWORD:-EMULATOR7Q4K2W9D}"
export ECOMMERCE_PAYPAL_API_TEST_SIGNATURE="${ECOMMERCE_PAYPAL_API_TEST_SIGNATURE:-Emulator-Signature.AFcWxV21C7fd0v3bYYYRCpSSRl31A}"
export ECOMMERCE_PUBLIC_URL="${ECOMMERCE_PUBLIC_URL:-http://localhost:$PORT}"
export TMPDIR="$DATA_DIR/tmp"

echo "Starting Payara Micro on http://localhost:$PORT/ (data in $DATA_DIR)"
"$JAVA" -Djava.io.tmpdir="$DATA_DIR/tmp" -jar ecommerce-it/target/payara-micro.jar \
    --deploy ecommerce-it/target/ecommerce.war --contextroot / --port "$PORT" \
    --nocluster --rootdir "$DATA_DIR/payara" "$@" &
PAYARA_PID=$!
wait $PAYARA_PID
