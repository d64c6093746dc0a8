/**
 * Milliseconds as OpenAI writes `x-ratelimit-reset-*` (Go's duration format): `0s`, `120ms`,
 * `1s`, `8.64s`, `6m0s`, `1h2m3s`.
 */
export function formatDuration(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds))
  if (total === 0) return '0s'
  if (total < 1000) return `${total}ms`
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor((total % 3_600_000) / 60_000)
  const rest = total % 60_000
  const seconds = `${Math.floor(rest / 1000)}${rest % 1000 ? `.${String(rest % 1000).padStart(3, '0').replace(/0+$/, '')}` : ''}s`
  if (hours > 0) return `${hours}h${minutes}m${seconds}`
  if (minutes > 0) return `${minutes}m${seconds}`
  return seconds
}
