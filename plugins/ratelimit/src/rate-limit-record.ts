import type { Dimension, LimitScope } from './resolve-limit-checks'

/**
 * What the plugin leaves at `context.state.ratelimit` for later hooks: where the counters were
 * checked (`none` = not checked: Redis down under the `open` policy) and each limit that applied,
 * as it stood after this request's reservation (or as it stood when the request was refused).
 */
export interface RateLimitRecord {
  store: 'memory' | 'redis' | 'none'
  limits: Array<{
    scope: LimitScope
    dimension: Dimension
    /** `key`, `account` (stored overrides) or `plan <name>`. */
    source: string
    pattern?: string
    limit: number
    remaining: number
    resetMs: number
  }>
}
