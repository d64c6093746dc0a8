import type { Clock } from './ratelimit-options'
import type { BucketCheck, BucketState, RateLimitStore, Reservation } from './rate-limit-store'
import { adjusted, drain, fullInMs, remainingUnits, waitFor, type BucketUse } from './token-bucket'

export interface MemoryRateLimitStoreOptions {
  clock: Clock
  /** How long a concurrency slot lives without renewal. @default 60000 */
  leaseMs?: number
  /** Retry-After hint when a concurrency limit refuses. @default 1000 */
  concurrencyRetryMs?: number
  /** Drop drained buckets and empty slot sets this often (clock ms). @default 60000 */
  sweepMs?: number
}

/**
 * Counters in this process: exact, single-threaded (so every operation is atomic), and swept
 * so that idle keys do not accumulate. The same operations as the Redis store.
 */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions): RateLimitStore & { sizes(): { buckets: number; slotSets: number } } {
  const { clock } = options
  const leaseMs = options.leaseMs ?? 60_000
  const concurrencyRetryMs = options.concurrencyRetryMs ?? 1000
  const sweepMs = options.sweepMs ?? 60_000
  const buckets = new Map<string, BucketUse & { emptyAt: number }>()
  const slots = new Map<string, Map<string, number>>()
  let sweptAt = clock.now()

  function sweep(now: number) {
    if (now - sweptAt < sweepMs) return
    sweptAt = now
    for (const [id, bucket] of buckets) if (bucket.emptyAt <= now) buckets.delete(id)
    for (const id of slots.keys()) liveSlots(id, now)
  }

  /** The slots of a concurrency bucket, without the expired ones. */
  function liveSlots(id: string, now: number): Map<string, number> {
    const held = slots.get(id) ?? new Map<string, number>()
    for (const [member, expiresAt] of held) if (expiresAt <= now) held.delete(member)
    if (held.size === 0) slots.delete(id)
    return held
  }

  function store(id: string, used: number, limit: number, now: number) {
    if (used === 0) buckets.delete(id)
    else buckets.set(id, { used, at: now, emptyAt: now + fullInMs(used, limit) })
  }

  function evaluate(checks: BucketCheck[], requestId: string | undefined, now: number, commit: boolean): Reservation {
    const refused: number[] = []
    let retryAfterMs = 0
    const used = checks.map((check, index) => {
      if (check.kind === 'concurrency') {
        const held = liveSlots(check.id, now)
        const mine = requestId !== undefined && held.has(requestId)
        if (!mine && held.size + 1 > check.limit) {
          refused.push(index)
          retryAfterMs = Math.max(retryAfterMs, concurrencyRetryMs)
        }
        return held.size
      }
      const current = drain(buckets.get(check.id), now, check.limit)
      const wait = waitFor(current, check.cost, check.limit)
      if (wait > 0) {
        refused.push(index)
        retryAfterMs = Math.max(retryAfterMs, wait)
      }
      return current
    })
    const allowed = refused.length === 0
    const states = checks.map((check, index): BucketState => {
      if (check.kind === 'concurrency') {
        let count = used[index]
        if (allowed && commit && requestId !== undefined) {
          const held = liveSlots(check.id, now)
          held.set(requestId, now + leaseMs)
          slots.set(check.id, held)
          count = held.size
        }
        return { limit: check.limit, remaining: Math.max(0, check.limit - count), resetMs: 0 }
      }
      let current = used[index]
      if (allowed && commit) {
        current = adjusted(current, check.cost)
        store(check.id, current, check.limit, now)
      }
      return { limit: check.limit, remaining: remainingUnits(current, check.limit), resetMs: fullInMs(current, check.limit) }
    })
    return { allowed, retryAfterMs: allowed ? 0 : retryAfterMs, refused, states }
  }

  return {
    kind: 'memory',
    async reserve({ requestId, checks }) {
      const now = clock.now()
      sweep(now)
      return evaluate(checks, requestId, now, true)
    },
    async settle({ requestId, adjustments, releases }) {
      const now = clock.now()
      for (const { id, limit, delta } of adjustments) store(id, adjusted(drain(buckets.get(id), now, limit), delta), limit, now)
      for (const id of releases) {
        slots.get(id)?.delete(requestId)
        liveSlots(id, now)
      }
    },
    async renew(leases) {
      const now = clock.now()
      for (const { id, requestId } of leases) {
        const held = slots.get(id)
        if (held?.has(requestId)) held.set(requestId, now + leaseMs)
      }
    },
    async peek(checks) {
      return evaluate(checks, undefined, clock.now(), false).states
    },
    /** How many buckets and slot sets are kept (for tests of the sweep). */
    sizes: () => ({ buckets: buckets.size, slotSets: slots.size }),
  }
}
