-- wrk script for the issue-5 checkout benchmark: each connection loops over one checkout after another,
--   POST /api/v1/orders {"offering", "attendee" (new e-mail each time), "promotionCode"}  -> 201, the order's id
--   POST /api/v1/orders/{id}/payments (Idempotency-Key, Visa test card)               -> 201, APPROVED
-- Run with as many threads as connections (-t N -c N): the state (the order waiting for its payment) is per thread.
-- Environment: BENCH_KEY, BENCH_OFFERING, BENCH_CODE, BENCH_RUN (a tag that makes e-mails and keys unique).
local key = os.getenv("BENCH_KEY") or "demo-platform-key"
local offering = os.getenv("BENCH_OFFERING") or "bench-checkout"
local code = os.getenv("BENCH_CODE") or "BENCH10"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local card = '{"card": {"number": "4111111111111111", "expiry": "1230", "cvv": "123", "holder": "Ann Smith"}}'

-- BENCH_DELAY_MS > 0: each connection waits that long after every answer (a steady rate for the soak).
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  pending = nil
  seq = 0
  paid = 0        -- payments answered 201 with an APPROVED transaction
  declined = 0    -- payments answered otherwise
  usedup = 0      -- orders refused 422 /problems/promotion-code-used-up
  refused = 0     -- orders refused otherwise
end

function request()
  local h = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
  if pending then
    h["Idempotency-Key"] = run .. "-" .. tid .. "-" .. seq
    return wrk.format("POST", "/api/v1/orders/" .. pending .. "/payments", h, card)
  end
  seq = seq + 1
  local body = '{"offering": "' .. offering .. '", "attendee": {"email": "c-' .. run .. "-" .. tid .. "-" .. seq
      .. '@example.com"}, "promotionCode": "' .. code .. '"}'
  return wrk.format("POST", "/api/v1/orders", h, body)
end

function response(status, headers, body)
  if pending then
    if status == 201 and body:find('"status":"APPROVED"', 1, true) then paid = paid + 1 else declined = declined + 1 end
    pending = nil
  elseif status == 201 then
    pending = body:match('"id":"([^"]+)"')
  elseif body:find("promotion-code-used-up", 1, true) then
    usedup = usedup + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local p, d, u, r = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    p = p + t:get("paid"); d = d + t:get("declined"); u = u + t:get("usedup"); r = r + t:get("refused")
  end
  local secs = summary.duration / 1e6
  io.write(string.format("CHECKOUT: %d paid orders in %.1f s = %.1f orders/s; payments not approved %d; orders refused as used up %d, otherwise %d; errors connect %d read %d write %d status %d timeout %d\n",
    p, secs, p / secs, d, u, r, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
