#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: fresh PostgreSQL database, app on 8680 (emulator 8689, SMTP -> 127.0.0.1:2525),
# benchmarks 1 (100 x 1,000 and 10 x 10,000 codes), 2 and 3, then stops the app and drops the database.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
psql -h 127.0.0.1 -U postgres -c "drop database if exists ecommerce_bench" -c "create database ecommerce_bench"
PORT=8680 EMULATOR_PORT=8689 ECOMMERCE_DATA_DIR=/tmp/bench-data SKIP_BUILD=1 \
  ECOMMERCE_DB_URL='jdbc:postgresql://127.0.0.1:5432/ecommerce_bench?reWriteBatchedInserts=true' ECOMMERCE_DB_DRIVER=org.postgresql.ds.PGSimpleDataSource \
  ECOMMERCE_DB_USER=postgres ECOMMERCE_DB_PASSWORD=postgres ECOMMERCE_SMTP_HOST=127.0.0.1 ECOMMERCE_SMTP_PORT=2525 \
  setsid ./run.sh > /tmp/bench-run.log 2>&1 & APP=$!
trap 'kill -- -$APP 2>/dev/null || true; sleep 3; psql -h 127.0.0.1 -U postgres -c "drop database if exists ecommerce_bench"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8680/login.xhtml)" = 200 ]; do sleep 2; done
curl -s -o /dev/null -X PUT localhost:8680/api/v1/settings -H 'Authorization: Bearer demo-platform-key' \
  -H 'Content-Type: application/json' -d '{"promotionCodesEnabled": true}'
REQUESTS=100 QTY=1000 bench/bench1_create.sh
REQUESTS=10 QTY=10000 bench/bench1_create.sh
psql -h 127.0.0.1 -U postgres -d ecommerce_bench -v ON_ERROR_STOP=1 -v site=1 -v n=900000 -f bench/bench2_seed.sql
bench/bench2_query.sh AB
bench/bench3_mail.sh
