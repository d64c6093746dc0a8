import { GatewayError, type SseEvent } from '@tollgate/core'

/** In-stream error types → the status the same error would have had as an HTTP answer. */
const statusByType: Record<string, number> = {
  invalid_request_error: 400,
  rate_limit_error: 429,
  overloaded_error: 503,
  authentication_error: 502,
  permission_error: 502,
  api_error: 502,
  server_error: 502,
}

/**
 * The error an SSE event carries, in any of the wire formats: Anthropic `event: error`,
 * OpenAI `data: {"error": {...}}`, Gemini `{"error": {"code": 503}}`, the canonical
 * `{"type": "error", "error": {...}}`. Undefined for an ordinary event.
 */
export function readStreamError(event: SseEvent): GatewayError | undefined {
  if (event.event !== 'error' && !event.data.includes('"error"')) return undefined
  let data: any
  try {
    data = JSON.parse(event.data)
  } catch {
    return event.event === 'error' ? new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_stream_error', message: 'The upstream stream started with an error' }) : undefined
  }
  const error = data?.error
  const isError = event.event === 'error' || data?.type === 'error' || (typeof error === 'object' && error !== null && !('choices' in data))
  if (!isError) return undefined
  const type = typeof error?.type === 'string' ? error.type : undefined
  const numeric = typeof error?.status === 'number' ? error.status : typeof error?.code === 'number' ? error.code : undefined
  let status = numeric ?? (type && statusByType[type]) ?? 502
  if (status === 401 || status === 403 || status < 400 || status > 599) status = 502
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : 'The upstream stream started with an error'
  return new GatewayError({ status, message, code: 'upstream_stream_error', ...(status >= 500 && status !== 503 ? { type: 'upstream_error' } : {}) })
}
