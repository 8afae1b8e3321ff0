#!/usr/bin/env bash
# What-if for benchmark 2 (scratch database only; the migrations are NOT changed): the same measurement with
# an index usable by LIKE 'prefix%' under a non-C collation, then the index is dropped again.
set -euo pipefail
PSQL="psql -h 127.0.0.1 -U postgres -d ${DB:-ecommerce_bench} -v ON_ERROR_STOP=1"
$PSQL -c "create index bench_ix_code_pattern on promotion_code (site_id, code varchar_pattern_ops)" -c "analyze promotion_code"
"$(dirname "$0")/bench2_query.sh" "${1:-AB}" || true
$PSQL -c "drop index bench_ix_code_pattern"
