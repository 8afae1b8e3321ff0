#!/usr/bin/env bash
# Runs every test: unit tests of each module, then the integration and browser tests against the built WAR
# on Payara Micro with the PayPal emulator (H2 by default). Pass -Ppostgresql to run them on PostgreSQL
# (127.0.0.1:5432, user postgres; the database ecommerce_it is recreated first). Extra arguments go to Maven.
# Installs Debian's chromium and chromium-driver when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")"

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for j in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*21* ; do
    if [ -x "$j/bin/java" ] && [ "$(java_major "$j")" -ge 21 ]; then export JAVA_HOME="$j"; break; fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  echo "The build needs a JDK 21 or newer: set JAVA_HOME." >&2; exit 1
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "Browser tests need Debian's chromium and chromium-driver: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

for arg in "$@"; do
  if [ "$arg" = "-Ppostgresql" ]; then
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists ecommerce_it" -c "create database ecommerce_it"
  fi
done
rm -rf ecommerce-it/target/it-data

mvn -B verify "$@"
