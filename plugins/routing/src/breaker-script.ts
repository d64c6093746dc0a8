/**
 * The circuit breaker of `circuit-breaker.ts`, as one Redis script: each operation reads,
 * changes and writes the state atomically (no lost updates when many instances fail at once).
 * The state is the same JSON as the local one. A parity test runs both on the same scenarios.
 *
 * KEYS[1] the breaker key. ARGV: operation (acquire | success | failure | read), now,
 * failureThreshold, failureRate (-1 = off), minimumCalls, windowMs, coolDownMs, probeTimeoutMs,
 * key TTL in ms. Returns { result, state JSON } where result is allow | probe | deny for acquire.
 */
export const BREAKER_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
local s = raw and cjson.decode(raw) or { state = 'closed', failures = 0, windowStart = 0, windowCalls = 0, windowFailures = 0, retryAt = 0, probeUntil = 0 }
local operation, now = ARGV[1], tonumber(ARGV[2])
local threshold, rate, minimum = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local window, coolDown, probe = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local changed, result = false, ''
local function reset(state)
  s = { state = state, failures = 0, windowStart = 0, windowCalls = 0, windowFailures = 0, retryAt = 0, probeUntil = 0 }
end
local function count(failed)
  if rate < 0 then return end
  if now - s.windowStart >= window then s.windowStart = now; s.windowCalls = 0; s.windowFailures = 0 end
  s.windowCalls = s.windowCalls + 1
  if failed then s.windowFailures = s.windowFailures + 1 end
end
if operation == 'acquire' then
  if s.state == 'closed' then
    result = 'allow'
  elseif (s.state == 'open' and now >= s.retryAt) or (s.state == 'half-open' and now >= s.probeUntil) then
    s.state = 'half-open'; s.probeUntil = now + probe; changed = true; result = 'probe'
  else
    result = 'deny'
  end
elseif operation == 'success' then
  if s.state ~= 'closed' then
    reset('closed'); changed = true
  elseif s.failures > 0 or rate >= 0 then
    s.failures = 0; count(false); changed = true
  end
elseif operation == 'failure' then
  if s.state == 'half-open' then
    reset('open'); s.retryAt = now + coolDown; changed = true
  elseif s.state == 'closed' then
    s.failures = s.failures + 1; count(true); changed = true
    if s.failures >= threshold or (rate >= 0 and s.windowCalls >= minimum and s.windowFailures / s.windowCalls >= rate) then
      reset('open'); s.retryAt = now + coolDown
    end
  end
end
local encoded = cjson.encode(s)
if changed then redis.call('SET', KEYS[1], encoded, 'PX', ARGV[9]) end
return { result, encoded }
`
