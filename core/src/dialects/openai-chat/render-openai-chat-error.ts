import { errorTypeForStatus, type GatewayError, type GatewayErrorInit } from '../../errors/gateway-error'
import type { OpenAIChatErrorObject } from '../../formats/openai-chat/openai-chat-types'

/** The OpenAI `error` object for a gateway error (OpenAI has no request_too_large/overloaded/timeout types). */
export function convertToOpenAIChatError(error: GatewayErrorInit): OpenAIChatErrorObject {
  let type: string = error.type ?? errorTypeForStatus(error.status)
  let code = error.code ?? null
  if (type === 'request_too_large') {
    type = 'invalid_request_error'
    code ??= 'request_too_large'
  } else if (type === 'overloaded_error' || type === 'timeout_error') {
    type = 'upstream_error'
  }
  return { message: error.message, type, param: error.param ?? null, code }
}

/** GatewayError -> OpenAI error response (`Retry-After` when the error says when to retry). */
export function renderOpenAIChatError(error: GatewayError): { status: number; body: { error: OpenAIChatErrorObject }; headers?: Record<string, string> } {
  const rendered = { status: error.status, body: { error: convertToOpenAIChatError(error) } }
  return error.retryAfter === undefined ? rendered : { ...rendered, headers: { 'Retry-After': String(Math.ceil(error.retryAfter)) } }
}
