import { limiterUnavailableError } from './rate-limit-error'
import type { RedisFailurePolicy } from './ratelimit-options'
import type { BucketCheck, BucketState, RateLimitStore, Reservation, ReserveRequest, Settlement } from './rate-limit-store'

/** How a request was admitted: against a store (remember which: it settles there), or unchecked (`open` policy). */
export type Admission =
  | { checked: true; store: RateLimitStore; reservation: Reservation; /** Redis may hold a slot from a reservation that timed out. */ primaryUncertain: boolean }
  | { checked: false; primaryUncertain: boolean }

export interface ResilientStoreOptions {
  /** The shared store (Redis). */
  primary: RateLimitStore
  /** This instance's memory, for the `local` policy. */
  fallback: RateLimitStore
  policy: RedisFailurePolicy
  /** A call slower than this counts as a failure. */
  timeoutMs: number
  /** After a failure, skip the primary for this long (no added latency while it is down). */
  retryMs: number
  logger: Pick<Console, 'warn' | 'info'>
  /** Wall clock for the back-off. @default Date.now */
  now?: () => number
}

const CONSEQUENCE: Record<RedisFailurePolicy, string> = {
  local: "limits are enforced by each instance alone, in its memory (policy 'local')",
  open: "requests are admitted without limits (policy 'open')",
  closed: "inference requests are refused with 503 (policy 'closed')",
}

class Timeout extends Error {}

/**
 * The shared store with its failure policy. Redis down, slow (over `timeoutMs`) or restarted
 * never fails a request by surprise: the policy decides, one log line says so when it starts,
 * another when Redis is back, and requests try Redis again every `retryMs`.
 */
export function createResilientStore(options: ResilientStoreOptions) {
  const { primary, fallback, policy, timeoutMs, retryMs, logger } = options
  const now = options.now ?? Date.now
  let down = false
  let retryAt = 0

  function withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout(`no answer within ${timeoutMs} ms`)), timeoutMs)))
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
  }

  function failed(error: unknown) {
    retryAt = now() + retryMs
    if (down) return
    down = true
    logger.warn(`[tollgate] ratelimit: Redis unavailable (${(error as Error).message}); ${CONSEQUENCE[policy]} until it is back`)
  }

  function succeeded() {
    if (!down) return
    down = false
    logger.info('[tollgate] ratelimit: Redis is back; limits are shared by every instance again')
  }

  /** Run on the primary, within the timeout; a failure is recorded (and logged once per outage), never thrown. */
  async function onPrimary<T>(run: () => Promise<T>): Promise<{ value: T } | { error: unknown }> {
    try {
      const value = await withTimeout(run())
      succeeded()
      return { value }
    } catch (error) {
      failed(error)
      return { error }
    }
  }

  async function degraded(request: ReserveRequest, primaryUncertain: boolean): Promise<Admission> {
    if (policy === 'closed') throw limiterUnavailableError(Math.max(0, retryAt - now()))
    if (policy === 'open') return { checked: false, primaryUncertain }
    return { checked: true, store: fallback, reservation: await fallback.reserve(request), primaryUncertain }
  }

  return {
    /** Whether the primary is considered down right now. */
    get down() {
      return down
    },
    async reserve(request: ReserveRequest): Promise<Admission> {
      if (down && now() < retryAt) return degraded(request, false)
      const result = await onPrimary(() => primary.reserve(request))
      if ('value' in result) return { checked: true, store: primary, reservation: result.value, primaryUncertain: false }
      return degraded(request, result.error instanceof Timeout)
    },
    /** Settle where the request was admitted; failures are logged once (with the outage), never thrown. */
    async settle(store: RateLimitStore, settlement: Settlement): Promise<void> {
      if (store === primary) await onPrimary(() => primary.settle(settlement))
      else await store.settle(settlement)
    },
    /** Give back slots a timed-out reservation may have taken in Redis after all. */
    async releaseUncertain(settlement: Settlement): Promise<void> {
      if (settlement.releases.length > 0) await onPrimary(() => primary.settle({ ...settlement, adjustments: [] }))
    },
    async renew(store: RateLimitStore, leases: Array<{ id: string; requestId: string }>): Promise<void> {
      if (store === primary) await onPrimary(() => primary.renew(leases))
      else await store.renew(leases)
    },
    /** The shared counters when reachable, else this instance's. */
    async peek(checks: BucketCheck[]): Promise<{ store: 'redis' | 'memory'; states: BucketState[] }> {
      const result = await onPrimary(() => primary.peek(checks))
      return 'value' in result ? { store: primary.kind, states: result.value } : { store: fallback.kind, states: await fallback.peek(checks) }
    },
  }
}

/** What the plugin admits and settles through: the resilient Redis store, or this process's memory alone. */
export type Limiter = ReturnType<typeof createResilientStore>

/** A limiter on one store that cannot fail (memory). */
export function createDirectLimiter(store: RateLimitStore): Limiter {
  return {
    down: false,
    reserve: async (request) => ({ checked: true, store, reservation: await store.reserve(request), primaryUncertain: false }),
    settle: (target, settlement) => target.settle(settlement),
    releaseUncertain: async () => {},
    renew: (target, leases) => target.renew(leases),
    peek: async (checks) => ({ store: store.kind, states: await store.peek(checks) }),
  }
}
