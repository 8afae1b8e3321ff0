#!/usr/bin/env bash
# Benchmark 2: the report's first filtered page (code prefix) over ~1,000,000 codes, via the API (warm, median
# of $N curl time_total) versus the same three SQL statements the application sends (as PostgreSQL's statement
# log shows them with log_min_duration_statement = 0: the page, the count, the page's recipients) run directly
# in psql with the values in place of the parameters (warm, median of $N, psql \timing).
# Seed first with bench2_seed.sql. Usage: bench2_query.sh [PREFIX]
set -euo pipefail
BASE=${BASE:-http://localhost:8680}; DB=${DB:-ecommerce_bench}; KEY=${KEY:-demo-platform-key}; N=${N:-20}
PREFIX=${1:-AB}; SITE=${SITE:-1}; CEIL=ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ
PSQL="psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
url="$BASE/api/v1/promotion-codes?code=$PREFIX&page=0&size=50"
for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $KEY" "$url"; done
api=$(for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $KEY" "$url"; done | tee /tmp/bench2_api.txt | median)
total=$(curl -s -H "Authorization: Bearer $KEY" "$url" | grep -o '"total":[0-9]*' | cut -d: -f2)
PAGE="SELECT ID AS a1, applies_to AS a2, batch_id AS a3, CODE AS a4, code_type AS a5, created_at AS a6, DELETED AS a7, deleted_at AS a8, discount_amount AS a9, discount_currency AS a10, discount_percent AS a11, discount_type AS a12, expires_on AS a13, reserved_count AS a14, SERVICE AS a15, usage_limit AS a16, usage_type AS a17, used_count AS a18, VERSION AS a19, site_id AS a20 FROM promotion_code WHERE ((((site_id = $SITE) AND (CODE >= '$PREFIX')) AND (CODE <= '$PREFIX$CEIL')) AND CODE LIKE '$PREFIX%' ESCAPE '\\') ORDER BY created_at DESC, ID DESC LIMIT 50 OFFSET 0"
COUNT="SELECT COUNT(ID) FROM promotion_code WHERE ((((site_id = $SITE) AND (CODE >= '$PREFIX')) AND (CODE <= '$PREFIX$CEIL')) AND CODE LIKE '$PREFIX%' ESCAPE '\\')"
IDS=$($PSQL -Atc "select string_agg(id::text, ',') from (select id from promotion_code where site_id = $SITE and code like '$PREFIX%' order by created_at desc, id desc limit 50) x")
RCPT="SELECT ID, email, email_key, NAME, code_id FROM promotion_code_recipient WHERE (code_id IN ($IDS))"
{ echo '\o /dev/null'; for i in 1 2 3; do echo "$PAGE;"; echo "$COUNT;"; echo "$RCPT;"; done; echo '\timing on';
  for i in $(seq 1 "$N"); do echo "$PAGE;"; echo "$COUNT;"; echo "$RCPT;"; done; } > /tmp/bench2_sql.sql
$PSQL -f /tmp/bench2_sql.sql | grep '^Time:' | awk '{print $2}' | paste - - - | awk '{printf "%.3f %.3f %.3f %.3f\n", $1, $2, $3, $1+$2+$3}' > /tmp/bench2_sql.txt
sqlpage=$(cut -d' ' -f1 /tmp/bench2_sql.txt | median); sqlcount=$(cut -d' ' -f2 /tmp/bench2_sql.txt | median)
sqlrcpt=$(cut -d' ' -f3 /tmp/bench2_sql.txt | median); sqlsum=$(cut -d' ' -f4 /tmp/bench2_sql.txt | median)
echo "prefix=$PREFIX matching=$total rows of $($PSQL -Atc 'select count(*) from promotion_code')"
echo "API median of $N: ${api} s   (all: $(paste -sd' ' /tmp/bench2_api.txt))"
echo "SQL median of $N: page ${sqlpage} ms + count ${sqlcount} ms + recipients ${sqlrcpt} ms = ${sqlsum} ms"
printf 'RATIO API/SQL: %.2fx (goal <= 1.5x)\n' "$(echo "$api * 1000 / $sqlsum" | bc -l)"
echo "--- EXPLAIN (ANALYZE, BUFFERS) page query"; $PSQL -c "EXPLAIN (ANALYZE, BUFFERS) $PAGE"
echo "--- EXPLAIN (ANALYZE, BUFFERS) count query"; $PSQL -c "EXPLAIN (ANALYZE, BUFFERS) $COUNT"
