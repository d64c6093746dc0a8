import type { GatewayErrorInit } from '@tollgate/core'

type Detail = Record<string, any>

/** Google API keys (`AIza...`) that an upstream message might echo. */
export function redactGoogleKeys(text: string): string {
  return text.replace(/AIza[0-9A-Za-z_-]{10,}/g, 'AIza***')
}

function readError(body: unknown): { message?: string; status?: string; details: Detail[] } {
  let parsed = body
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body)
    } catch {
      return { details: [] }
    }
  }
  const error = (Array.isArray(parsed) ? parsed[0] : parsed) as { error?: Record<string, unknown> } | null
  const object = error?.error ?? {}
  return {
    message: typeof object.message === 'string' && object.message !== '' ? redactGoogleKeys(object.message) : undefined,
    status: typeof object.status === 'string' ? object.status : undefined,
    details: Array.isArray(object.details) ? object.details.filter((detail): detail is Detail => typeof detail === 'object' && detail !== null) : [],
  }
}

const detailOf = (details: Detail[], type: string) => details.find((detail) => typeof detail['@type'] === 'string' && detail['@type'].endsWith(`.${type}`))

/** RetryInfo `retryDelay` ("26s", "1.5s") or a `retry-after` header → whole seconds. */
function retryAfter(details: Detail[], headers: Headers): { retryAfter?: number } {
  const delay = detailOf(details, 'RetryInfo')?.retryDelay
  const fromDetail = typeof delay === 'string' && /^\d+(\.\d+)?s$/.test(delay) ? Number(delay.slice(0, -1)) : undefined
  const header = headers.get('retry-after')
  const seconds = fromDetail ?? (header !== null && Number.isFinite(Number(header)) ? Number(header) : undefined)
  return seconds === undefined ? {} : { retryAfter: Math.ceil(seconds) }
}

/**
 * A Gemini error (`{error: {code, message, status, details}}`; the array form of a JSON-array stream
 * too) → the gateway's error.
 * - The gateway's own credential or account at fault — 400 API_KEY_INVALID, 401, 403 — is a 502
 *   upstream_authentication_error that never echoes the upstream text; 400 FAILED_PRECONDITION (free
 *   tier unavailable in the region, billing) a 502 with Google's message.
 * - 404: model_not_found. 429 RESOURCE_EXHAUSTED: rate limit, retryAfter from RetryInfo.retryDelay.
 * - 503 UNAVAILABLE: overloaded (503). 504: timeout. Other 5xx: 502.
 * - Other 4xx are the client's request: Google's message is kept, and BadRequest's field as `param`.
 */
export function convertGeminiError(status: number, body: unknown, headers: Headers): GatewayErrorInit {
  const { message: upstream, status: googleStatus, details } = readError(body)
  const message = upstream ?? `Gemini returned HTTP ${status}`
  const reason = detailOf(details, 'ErrorInfo')?.reason
  if (status === 401 || status === 403 || (typeof reason === 'string' && reason.startsWith('API_KEY_'))) {
    return { status: 502, type: 'upstream_error', code: 'upstream_authentication_error', message: 'The upstream provider rejected the gateway credentials' }
  }
  if (googleStatus === 'FAILED_PRECONDITION') return { status: 502, type: 'upstream_error', code: 'upstream_precondition_failed', message }
  if (status === 404) return { status: 404, type: 'not_found_error', code: 'model_not_found', message }
  if (status === 429) return { status: 429, type: 'rate_limit_error', message, ...retryAfter(details, headers) }
  if (status === 503) return { status: 503, type: 'overloaded_error', message, ...retryAfter(details, headers) }
  if (status === 504) return { status: 504, type: 'timeout_error', message }
  if (status >= 500) return { status: 502, type: 'upstream_error', message }
  const field = detailOf(details, 'BadRequest')?.fieldViolations?.[0]?.field
  return { status, message, ...(typeof field === 'string' && { param: field }) }
}
