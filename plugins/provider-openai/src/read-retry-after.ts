/** `6m0s`, `1.5s`, `20ms`, `1h2m` (OpenAI x-ratelimit-reset-*) -> seconds. */
export function parseResetDuration(value: string | null): number | undefined {
  if (!value) return undefined
  let seconds = 0
  let matched = false
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    matched = true
    seconds += Number(amount) * (unit === 'ms' ? 0.001 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1)
  }
  return matched ? seconds : undefined
}

/**
 * Seconds to wait before retrying, from `retry-after-ms`, `retry-after` (seconds or HTTP date),
 * or else the later of `x-ratelimit-reset-requests` / `x-ratelimit-reset-tokens`. Rounded up.
 */
export function readRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = Number(headers.get('retry-after-ms') ?? Number.NaN)
  if (Number.isFinite(milliseconds)) return Math.max(0, Math.ceil(milliseconds / 1000))
  const retryAfter = headers.get('retry-after')
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
    const date = Date.parse(retryAfter)
    if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000))
  }
  const resets = [headers.get('x-ratelimit-reset-requests'), headers.get('x-ratelimit-reset-tokens')]
    .map(parseResetDuration)
    .filter((seconds): seconds is number => seconds !== undefined)
  return resets.length > 0 ? Math.ceil(Math.max(...resets)) : undefined
}
