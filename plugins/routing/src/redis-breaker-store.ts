import type { RedisClient } from '@tollgate/core'
import { BREAKER_SCRIPT } from './breaker-script'
import { closedBreaker, type BreakerState, type Permit } from './circuit-breaker'
import { acquireTransition, createLocalBreakerStore, recordTransition, type BreakerStore, type BreakerTransition } from './breaker-store'
import type { BreakerPolicy, Clock } from './routing-options'

const KEY_TTL_MS = 24 * 60 * 60 * 1000
const WARN_EVERY_MS = 60_000

type Operation = 'acquire' | 'success' | 'failure' | 'read'

function parse(raw: unknown): BreakerState {
  try {
    const value = JSON.parse(String(raw)) as BreakerState
    return ['closed', 'open', 'half-open'].includes(value.state) ? { ...closedBreaker(), ...value } : closedBreaker()
  } catch {
    return closedBreaker()
  }
}

export interface RedisBreakerStoreOptions {
  redis: RedisClient
  policy: BreakerPolicy
  clock: Clock
  logger: Pick<Console, 'warn'>
  /** @default 'tollgate:routing:breaker:' */
  prefix?: string
  /** A Redis call slower than this counts as Redis trouble. @default 250 */
  timeoutMs?: number
}

/**
 * Breakers shared by every gateway instance through Redis: each operation is one atomic script
 * call. When Redis is slow or down, the request goes on with this instance's local breakers,
 * starting from the last state it saw (Redis trouble never fails a request).
 */
export function createRedisBreakerStore(options: RedisBreakerStoreOptions): BreakerStore {
  const { redis, policy, clock } = options
  const prefix = options.prefix ?? 'tollgate:routing:breaker:'
  const timeoutMs = options.timeoutMs ?? 250
  const mirror = new Map<string, BreakerState>()
  const local = createLocalBreakerStore(policy, clock)
  let warnedAt = Number.NEGATIVE_INFINITY

  function withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
  }

  function fallBack<T>(id: string, transition: BreakerTransition<T>, error: unknown): T {
    const now = clock.now()
    if (now - warnedAt >= WARN_EVERY_MS) {
      warnedAt = now
      options.logger.warn(`[tollgate] routing: Redis unavailable for circuit breakers (${(error as Error).message}); using this instance's local state`)
    }
    const known = mirror.get(id)
    if (known) local.seed(id, known)
    const result = local.update(id, transition)
    mirror.set(id, local.peek(id))
    return result
  }

  async function run<T>(id: string, operation: Operation, transition: BreakerTransition<T>, read: (result: string, state: BreakerState) => T): Promise<T> {
    const now = clock.now()
    try {
      const args = [operation, now, policy.failureThreshold, policy.failureRate ?? -1, policy.minimumCalls, policy.windowMs, policy.coolDownMs, policy.probeTimeoutMs, KEY_TTL_MS]
      const [result, encoded] = (await withTimeout(redis.eval(BREAKER_SCRIPT, 1, prefix + id, ...args))) as [string, string]
      const state = parse(encoded)
      mirror.set(id, state)
      return read(result, state)
    } catch (error) {
      return fallBack(id, transition, error)
    }
  }

  return {
    acquire: (id) => run(id, 'acquire', acquireTransition(clock.now(), policy), (result) => result as Permit),
    record: (id, success) => run(id, success ? 'success' : 'failure', recordTransition(success, clock.now(), policy), (_, state) => state),
    peek: (id) => mirror.get(id) ?? closedBreaker(),
    read: (id) => run(id, 'read', (breaker) => ({ breaker, result: breaker }), (_, state) => state),
  }
}
