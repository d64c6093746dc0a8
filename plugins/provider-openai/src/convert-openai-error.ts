import type { GatewayErrorInit } from '@tollgate/core'
import { readRetryAfter } from './read-retry-after'

/** Mask API keys (`sk-...`) and organisation ids (`org-...`) that upstream messages may echo. */
export function redactSecrets(text: string): string {
  return text.replace(/\bsk-[A-Za-z0-9_*\-]+/g, 'sk-***').replace(/\borg-[A-Za-z0-9]+/g, 'org-***')
}

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null)

/**
 * An OpenAI error response -> the gateway's error. 401/403 mean the gateway's own provider key
 * is bad: the client gets a 502 without the upstream text. 5xx become 502 (503 stays 503).
 */
export function convertOpenAIError(status: number, body: unknown, headers: Headers): GatewayErrorInit {
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, any>) : {}
  const error = typeof envelope.error === 'object' && envelope.error !== null ? envelope.error : envelope
  const message = typeof error.message === 'string' && error.message !== '' ? redactSecrets(error.message) : `Upstream returned HTTP ${status}`
  const code = stringOrNull(error.code)
  const param = stringOrNull(error.param)
  if (status === 401 || status === 403) {
    return { status: 502, type: 'upstream_error', code: 'upstream_authentication_error', message: "The upstream provider rejected the gateway's credentials" }
  }
  if (status === 404) {
    return code === 'model_not_found' || /model/i.test(message)
      ? { status: 404, type: 'not_found_error', code: 'model_not_found', message }
      : { status: 502, type: 'upstream_error', code: 'upstream_not_found', message }
  }
  const retryAfter = status === 429 || status === 503 ? readRetryAfter(headers) : undefined
  const retry = retryAfter === undefined ? {} : { retryAfter }
  if (status === 429) return { status: 429, type: 'rate_limit_error', message, code, ...retry }
  if (status >= 500) return { status: status === 503 ? 503 : 502, type: 'upstream_error', message, code, ...retry }
  return { status, message, param, code }
}
