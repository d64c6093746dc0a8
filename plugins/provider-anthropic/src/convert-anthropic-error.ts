import type { GatewayErrorInit } from '@tollgate/core'

function readUpstreamError(body: unknown): { type?: string; message?: string } {
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      return {}
    }
  }
  const error = (parsed as { error?: { type?: unknown; message?: unknown } } | null)?.error
  return {
    type: typeof error?.type === 'string' ? error.type : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  }
}

/** `retry-after` in seconds (a number or an HTTP date), when the upstream sent one. */
function retryAfter(headers: Headers): { retryAfter?: number } {
  const value = headers.get('retry-after')
  if (value === null) return {}
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return { retryAfter: Math.max(0, Math.ceil(seconds)) }
  const date = Date.parse(value)
  return Number.isNaN(date) ? {} : { retryAfter: Math.max(0, Math.ceil((date - Date.now()) / 1000)) }
}

/**
 * Anthropic error → canonical error.
 * - 401/403/402: the gateway's own Anthropic key or account is at fault, not the client: 502
 *   upstream_error without the upstream text.
 * - 404: model_not_found (the message names the model). 429: rate limit with retry-after.
 * - 529 (or overloaded_error): 503 overloaded_error. Other 5xx: 502 upstream_error.
 * - Other 4xx (400, 413, ...): the client's request; Anthropic's message is kept.
 */
export function convertAnthropicError(status: number, body: unknown, headers: Headers): GatewayErrorInit {
  const upstream = readUpstreamError(body)
  const message = upstream.message ?? `Anthropic returned HTTP ${status}`
  if (status === 401 || status === 403) {
    return { status: 502, type: 'upstream_error', code: 'upstream_authentication_error', message: 'The upstream provider rejected the gateway credentials' }
  }
  if (status === 402) return { status: 502, type: 'upstream_error', code: 'upstream_billing_error', message: 'The upstream provider refused the gateway account (billing)' }
  if (status === 404) return { status: 404, type: 'not_found_error', code: 'model_not_found', message }
  if (status === 429) return { status: 429, type: 'rate_limit_error', message, ...retryAfter(headers) }
  if (status === 529 || upstream.type === 'overloaded_error') return { status: 503, type: 'overloaded_error', message, ...retryAfter(headers) }
  if (status >= 500) return { status: 502, type: 'upstream_error', message }
  return { status, message }
}
