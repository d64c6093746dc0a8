import { GatewayError } from '@tollgate/core'
import { formatDuration } from './format-duration'
import type { LimitCheck } from './resolve-limit-checks'

const WHAT = { requests: 'requests per minute', tokens: 'tokens per minute', concurrency: 'concurrent requests' } as const

function where(check: LimitCheck): string {
  if (check.scope === 'model') return `this key and model '${check.pattern}'`
  return `this ${check.scope}`
}

/**
 * The 429 for a refused request (the dialect renders it, with `Retry-After` in whole seconds):
 * which limit, on what, and when to try again.
 */
export function rateLimitError(refused: LimitCheck[], retryAfterMs: number): GatewayError {
  const first = refused[0]
  const limits = refused.map((check) => `${WHAT[check.dimension]} for ${where(check)} (limit ${check.limit})`).join('; ')
  const when = first.dimension === 'concurrency' && refused.length === 1 ? 'Try again when one of them finishes.' : `Try again in ${formatDuration(retryAfterMs)}.`
  return new GatewayError({
    status: 429,
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: `Rate limit reached: ${limits}. ${when}`,
    retryAfter: retryAfterMs / 1000,
  })
}

/** The 503 of the `closed` policy while Redis is unavailable. */
export function limiterUnavailableError(retryAfterMs: number): GatewayError {
  return new GatewayError({
    status: 503,
    type: 'api_error',
    code: 'rate_limiter_unavailable',
    message: 'Rate limits cannot be checked right now (their store is unavailable); please retry shortly.',
    retryAfter: Math.max(1, retryAfterMs / 1000),
  })
}
