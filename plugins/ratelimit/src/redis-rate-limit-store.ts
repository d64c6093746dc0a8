import type { RedisClient } from '@tollgate/core'
import type { Clock } from './ratelimit-options'
import type { BucketCheck, BucketState, RateLimitStore, Reservation } from './rate-limit-store'
import { RENEW_SCRIPT, RESERVE_SCRIPT, SETTLE_SCRIPT } from './rate-limit-scripts'

export interface RedisRateLimitStoreOptions {
  redis: RedisClient
  /** The counters' clock; absent = the Redis server's clock (instances with skewed clocks agree). */
  clock?: Clock
  /** @default 'tollgate:ratelimit:' */
  prefix?: string
  /** How long a concurrency slot lives without renewal. @default 60000 */
  leaseMs?: number
  /** Retry-After hint when a concurrency limit refuses. @default 1000 */
  concurrencyRetryMs?: number
}

/**
 * Counters in Redis, shared by every gateway instance: each operation is one script call, so
 * a burst spread over many instances is counted exactly once. Errors (Redis down) reject; the
 * resilient store above decides what happens then.
 */
export function createRedisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const { redis } = options
  const prefix = options.prefix ?? 'tollgate:ratelimit:'
  const leaseMs = options.leaseMs ?? 60_000
  const concurrencyRetryMs = options.concurrencyRetryMs ?? 1000
  const now = () => (options.clock ? String(options.clock.now()) : '')
  const keys = (ids: string[]) => ids.map((id) => prefix + id)

  async function run(mode: 'reserve' | 'peek', checks: BucketCheck[], requestId: string): Promise<Reservation> {
    if (checks.length === 0) return { allowed: true, retryAfterMs: 0, refused: [], states: [] }
    const args = checks.flatMap((check) => [check.kind, check.limit, check.cost])
    const reply = (await redis.eval(RESERVE_SCRIPT, checks.length, ...keys(checks.map((check) => check.id)), mode, now(), requestId, leaseMs, concurrencyRetryMs, ...args)) as number[]
    const refused: number[] = []
    const states = checks.map((check, index): BucketState => {
      const [remaining, resetMs, refusedHere] = reply.slice(2 + index * 3, 5 + index * 3).map(Number)
      if (refusedHere === 1) refused.push(index)
      return { limit: check.limit, remaining, resetMs }
    })
    return { allowed: Number(reply[0]) === 1, retryAfterMs: Number(reply[1]), refused, states }
  }

  return {
    kind: 'redis',
    reserve: ({ requestId, checks }) => run('reserve', checks, requestId),
    async settle({ requestId, adjustments, releases }) {
      if (adjustments.length === 0 && releases.length === 0) return
      const ids = [...adjustments.map((adjustment) => adjustment.id), ...releases]
      const args = adjustments.flatMap((adjustment) => [adjustment.limit, adjustment.delta])
      await redis.eval(SETTLE_SCRIPT, ids.length, ...keys(ids), now(), requestId, adjustments.length, ...args)
    },
    async renew(leases) {
      if (leases.length === 0) return
      await redis.eval(RENEW_SCRIPT, leases.length, ...keys(leases.map((lease) => lease.id)), now(), leaseMs, ...leases.map((lease) => lease.requestId))
    },
    async peek(checks) {
      return (await run('peek', checks, '')).states
    },
  }
}
