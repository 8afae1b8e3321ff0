-- wrk script for the issue-5 API benchmarks. Environment:
--   BENCH_TARGET = ping | entitlements   (GET /api/v1/ping, or GET /api/v1/entitlements for a random seeded
--                                         attendee and offering: half of the pairs hold an entitlement, a tenth of
--                                         those were revoked, the rest never bought)
--   BENCH_KEY    = the API key (Bearer), BENCH_ATTENDEES / BENCH_OFFERINGS = the seeded counts.
-- Both targets build each request the same way (wrk.format per request), so the client's work is the same.
local target = os.getenv("BENCH_TARGET") or "ping"
local key = os.getenv("BENCH_KEY") or "demo-platform-key"
local attendees = tonumber(os.getenv("BENCH_ATTENDEES") or "20000")
local offerings = tonumber(os.getenv("BENCH_OFFERINGS") or "20")
local headers = { ["Authorization"] = "Bearer " .. key }

-- BENCH_DELAY_MS > 0: each connection waits that long after every answer (a steady rate for the soak).
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  if target == "ping" then
    return wrk.format("GET", "/api/v1/ping", headers)
  end
  local a = math.random(attendees)
  local o = math.random(offerings)
  return wrk.format("GET", "/api/v1/entitlements?attendee=bench-" .. a .. "%40example.com&offering=bench-o-" .. o, headers)
end
