/** The three limits, as stored on keys and accounts and as configured per plan. */
export interface LimitValues {
  /** Requests per minute. */
  rpm?: number
  /** Tokens per minute (input + output). */
  tpm?: number
  /** Requests in flight at once. */
  maxConcurrency?: number
}

/** A plan's defaults. Fields set on an account or a key override them, field by field. */
export interface PlanLimits extends LimitValues {
  /** The account-wide limits above apply to all its keys together; these apply to each key alone. */
  perKey?: LimitValues
  /**
   * Limits per key and model: model ids or `*` patterns (matched against the name asked for and
   * the `provider/model` it resolves to) → limits. Each matching pattern is one bucket per key.
   */
  perModel?: Record<string, LimitValues>
}

/**
 * What to do while Redis is unreachable or slow:
 * - `local`: enforce the same limits in this instance's memory (each instance counts alone);
 * - `open`: admit every request without limits (and without limit headers);
 * - `closed`: refuse inference requests with 503 `rate_limiter_unavailable`.
 */
export type RedisFailurePolicy = 'local' | 'open' | 'closed'

export const REDIS_FAILURE_POLICIES: RedisFailurePolicy[] = ['local', 'open', 'closed']

/** Milliseconds since the epoch; tests inject their own. */
export interface Clock {
  now(): number
}

export interface RateLimitOptions {
  /** Limits per plan name (an account's `plan`); a plan not listed uses `default`. */
  plans?: Record<string, PlanLimits>
  /** Where counters live: Redis when the gateway has `REDIS_URL` (`auto`), or this process. @default 'auto' */
  store?: 'auto' | 'memory' | 'redis'
  /** Policy while Redis is down or slow (env TOLLGATE_RATE_LIMIT_ON_REDIS_FAILURE). @default 'local' */
  onRedisFailure?: RedisFailurePolicy
  redis?: {
    /** A Redis call slower than this counts as Redis trouble. @default 250 */
    timeoutMs?: number
    /** After a failure, requests skip Redis for this long before trying it again. @default 1000 */
    retryMs?: number
    /** @default 'tollgate:ratelimit:' */
    prefix?: string
  }
  /**
   * A concurrency slot held in Redis expires after this long unless its instance renews it
   * (it does, every third of it, while the request runs): a crashed instance's slots come back.
   * @default 60000
   */
  concurrencyLeaseMs?: number
  /** Retry-After hint for a request refused by a concurrency limit. @default 1000 */
  concurrencyRetryMs?: number
  /** Read plans from TOLLGATE_RATE_LIMITS too. @default true */
  environment?: boolean
  /**
   * The clock of the counters. @default the Redis server's clock with Redis (instances with
   * skewed clocks still agree), else Date.now
   */
  clock?: Clock
}

export const realClock: Clock = { now: () => Date.now() }
