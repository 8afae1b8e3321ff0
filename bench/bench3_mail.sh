#!/usr/bin/env bash
# Benchmark 3: a 1,000-recipient creation with sendEmail=true, timed from the request until the SMTP sink
# (bench/smtp_sink.py on 127.0.0.1:2525, which the app must use: ECOMMERCE_SMTP_HOST/PORT) has accepted 1,000
# messages. Test mode with a redirect address so the mails are really sent.
set -euo pipefail
BASE=${BASE:-http://localhost:8680}; KEY=${KEY:-demo-platform-key}; N=${N:-1000}; COUNTFILE=${COUNTFILE:-/tmp/bench-sink.count}
H="Authorization: Bearer $KEY"
python3 "$(dirname "$0")/smtp_sink.py" 127.0.0.1 2525 "$COUNTFILE" & SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
sleep 1
curl -s -o /dev/null -w 'settings %{http_code}\n' -X PUT "$BASE/api/v1/settings" -H "$H" -H 'Content-Type: application/json' \
  -d '{"promotionMail": {"testRedirect": "bench@example.com"}}'
recips=$(seq 1 "$N" | awk '{printf "%s{\"email\":\"bench%04d@example.org\",\"name\":\"Bench %d\"}", (NR>1?",":""), $1, $1}')
body='{"service":"TRAINING","recipients":['$recips'],"codeType":"GENERATED","quantity":1,"codeLength":10,"usage":{"type":"ONCE"},"discount":{"type":"PERCENT","percent":"15"},"expiresOn":"2027-12-31","appliesTo":"ALL","sendEmail":true}'
t0=$(date +%s.%N)
curl -s -o /tmp/bench3.json -w 'create %{http_code} %{time_total}s\n' -X POST "$BASE/api/v1/promotion-codes" -H "$H" -H 'Content-Type: application/json' -d "$body"
t_resp=$(date +%s.%N)
last=-1
while :; do
  read -r cnt first lastt < "$COUNTFILE"
  now=$(date +%s.%N)
  if [ "$cnt" != "$last" ]; then printf 'progress t=%.2fs accepted=%s\n' "$(echo "$now - $t0" | bc -l)" "$cnt"; last=$cnt; fi
  [ "$cnt" -ge "$N" ] && break
  if [ "$(echo "$now - $t0 > 300" | bc)" = 1 ]; then echo "TIMEOUT after 300 s with $cnt mails"; break; fi
  sleep 0.2
done
read -r cnt first lastt < "$COUNTFILE"
printf 'RESULT: %s mails accepted; request answered after %.2f s; first mail at %.2f s; last mail at %.2f s after the request (goal < 10 s)\n' \
  "$cnt" "$(echo "$t_resp - $t0" | bc -l)" "$(echo "$first - $t0" | bc -l)" "$(echo "$lastt - $t0" | bc -l)"
