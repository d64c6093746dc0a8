import { formatDuration } from './format-duration'
import type { BucketState } from './rate-limit-store'
import type { Dimension } from './resolve-limit-checks'

/** The bucket that binds a dimension: the fewest units left (then the smaller limit, then the later reset). */
export function bindingState(entries: Array<{ dimension: Dimension; state: BucketState }>, dimension: Dimension): BucketState | undefined {
  let binding: BucketState | undefined
  for (const entry of entries) {
    if (entry.dimension !== dimension) continue
    const state = entry.state
    if (!binding || state.remaining < binding.remaining || (state.remaining === binding.remaining && (state.limit < binding.limit || (state.limit === binding.limit && state.resetMs > binding.resetMs)))) binding = state
  }
  return binding
}

/** RFC 3339 without fractions, rounded up to the second (Anthropic's `-reset` headers). */
const rfc3339 = (milliseconds: number) => new Date(Math.ceil(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/**
 * The limit headers of a response, from the counters that decided it (the binding bucket of
 * each dimension): OpenAI's `x-ratelimit-*-requests|tokens` (reset as a duration, `6m0s`), the
 * generic `X-RateLimit-Limit|Remaining|Reset` (requests, else tokens; reset in Unix seconds),
 * and on the Anthropic dialect `anthropic-ratelimit-requests|tokens-limit|remaining|reset`
 * (reset as an RFC 3339 time). Reset = when the bucket is full again.
 */
export function rateLimitHeaders(input: { dialect: string; now: number; requests?: BucketState; tokens?: BucketState }): Record<string, string> {
  const headers: Record<string, string> = {}
  const anthropic = input.dialect === 'anthropic-messages'
  for (const [dimension, state] of [['requests', input.requests], ['tokens', input.tokens]] as const) {
    if (!state) continue
    headers[`x-ratelimit-limit-${dimension}`] = String(state.limit)
    headers[`x-ratelimit-remaining-${dimension}`] = String(state.remaining)
    headers[`x-ratelimit-reset-${dimension}`] = formatDuration(state.resetMs)
    if (anthropic) {
      headers[`anthropic-ratelimit-${dimension}-limit`] = String(state.limit)
      headers[`anthropic-ratelimit-${dimension}-remaining`] = String(state.remaining)
      headers[`anthropic-ratelimit-${dimension}-reset`] = rfc3339(input.now + state.resetMs)
    }
  }
  const generic = input.requests ?? input.tokens
  if (generic) {
    headers['X-RateLimit-Limit'] = String(generic.limit)
    headers['X-RateLimit-Remaining'] = String(generic.remaining)
    headers['X-RateLimit-Reset'] = String(Math.ceil((input.now + generic.resetMs) / 1000))
  }
  return headers
}
