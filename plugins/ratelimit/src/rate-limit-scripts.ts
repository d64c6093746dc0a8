/**
 * The operations of memory-rate-limit-store.ts as Redis scripts: each runs atomically, so
 * instances sharing Redis count as one. Same integer arithmetic as token-bucket.ts (one unit
 * stored as 60,000; a bucket drains `limit` per ms). A rate bucket is a string
 * `"<used>:<at>"`; a concurrency bucket is a sorted set of request ids scored by lease expiry.
 * `now` is the caller's clock in ms, or empty for the Redis server's clock.
 */

const PREAMBLE = `
local UNIT = 60000
local function clock(value)
  local now = tonumber(value)
  if now then return now end
  local time = redis.call('TIME')
  return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function drain(key, now, limit)
  local raw = redis.call('GET', key)
  if not raw then return 0 end
  local separator = string.find(raw, ':', 1, true)
  local used, at = tonumber(string.sub(raw, 1, separator - 1)), tonumber(string.sub(raw, separator + 1))
  return math.max(0, used - math.max(0, now - at) * limit)
end
local function save(key, used, limit, now)
  if used <= 0 then
    redis.call('DEL', key)
  else
    redis.call('SET', key, string.format('%.0f:%.0f', used, now), 'PX', math.ceil(used / limit) + UNIT)
  end
end
`

/**
 * KEYS: one per check. ARGV: mode (reserve | peek), now, request id, lease ms, concurrency
 * retry ms, then per check: kind (rate | concurrency), limit, cost.
 * Returns { allowed 1/0, retry after ms, then per check: remaining, reset ms, refused 1/0 }.
 */
export const RESERVE_SCRIPT = `${PREAMBLE}
local commit, now, member = ARGV[1] == 'reserve', clock(ARGV[2]), ARGV[3]
local lease, busy = tonumber(ARGV[4]), tonumber(ARGV[5])
local kinds, limits, costs, used, mine, refused = {}, {}, {}, {}, {}, {}
local allowed, retry = true, 0
for i = 1, #KEYS do
  local base = 5 + (i - 1) * 3
  kinds[i], limits[i], costs[i] = ARGV[base + 1], tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  refused[i] = 0
  if kinds[i] == 'concurrency' then
    redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
    mine[i] = commit and redis.call('ZSCORE', KEYS[i], member) ~= false
    used[i] = redis.call('ZCARD', KEYS[i])
    if not mine[i] and used[i] + 1 > limits[i] then
      allowed, refused[i], retry = false, 1, math.max(retry, busy)
    end
  else
    used[i] = drain(KEYS[i], now, limits[i])
    local excess = used[i] + costs[i] * UNIT - limits[i] * UNIT
    if excess > 0 then
      allowed, refused[i], retry = false, 1, math.max(retry, math.ceil(excess / limits[i]))
    end
  end
end
local reply = { allowed and 1 or 0, allowed and 0 or retry }
for i = 1, #KEYS do
  local limit, remaining, reset = limits[i], 0, 0
  if kinds[i] == 'concurrency' then
    local count = used[i]
    if allowed and commit then
      redis.call('ZADD', KEYS[i], now + lease, member)
      redis.call('PEXPIRE', KEYS[i], lease)
      count = redis.call('ZCARD', KEYS[i])
    end
    remaining = math.max(0, limit - count)
  else
    local current = used[i]
    if allowed and commit then
      current = math.max(0, current + costs[i] * UNIT)
      save(KEYS[i], current, limit, now)
    end
    remaining = math.max(0, math.floor((limit * UNIT - current) / UNIT))
    reset = math.ceil(current / limit)
  end
  reply[#reply + 1] = remaining
  reply[#reply + 1] = reset
  reply[#reply + 1] = refused[i]
end
return reply
`

/**
 * KEYS: the rate buckets to adjust, then the concurrency buckets to release. ARGV: now,
 * request id, number of adjustments, then per adjustment: limit, delta (units).
 */
export const SETTLE_SCRIPT = `${PREAMBLE}
local now, member, adjustments = clock(ARGV[1]), ARGV[2], tonumber(ARGV[3])
for i = 1, #KEYS do
  if i <= adjustments then
    local limit, delta = tonumber(ARGV[2 + i * 2]), tonumber(ARGV[3 + i * 2])
    save(KEYS[i], math.max(0, drain(KEYS[i], now, limit) + delta * UNIT), limit, now)
  else
    redis.call('ZREM', KEYS[i], member)
  end
end
return 1
`

/** KEYS: concurrency buckets. ARGV: now, lease ms, then one request id per key. Extends slots still held. */
export const RENEW_SCRIPT = `${PREAMBLE}
local now, lease = clock(ARGV[1]), tonumber(ARGV[2])
for i = 1, #KEYS do
  if redis.call('ZADD', KEYS[i], 'XX', 'CH', now + lease, ARGV[2 + i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], lease)
  end
end
return 1
`
