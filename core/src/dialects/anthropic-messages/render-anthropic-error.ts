import type { GatewayError } from '../../errors/gateway-error'
import { toAnthropicErrorType, type AnthropicErrorBody } from '../../formats/anthropic-messages'

/**
 * Gateway error → Anthropic error response. The status is the gateway's (an overloaded upstream is
 * 503 with type `overloaded_error`, not Anthropic's 529); `upstream_error` becomes `api_error`.
 */
export function renderAnthropicError(error: GatewayError): { status: number; body: AnthropicErrorBody; headers?: Record<string, string> } {
  const body: AnthropicErrorBody = { type: 'error', error: { type: toAnthropicErrorType(error.type, error.status), message: error.message } }
  if (error.retryAfter === undefined) return { status: error.status, body }
  return { status: error.status, body, headers: { 'Retry-After': String(Math.ceil(error.retryAfter)) } }
}
