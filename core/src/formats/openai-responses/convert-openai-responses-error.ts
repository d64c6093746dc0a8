import type { GatewayErrorInit } from '../../errors/gateway-error'
import type { OpenAIResponsesError, OpenAIResponsesStreamEvent } from './openai-responses-types'

const CLIENT_ERROR_CODES = /^(invalid|context_length|image_|unsupported|empty_image|failed_to_download|bio_policy|misalignment)/

/** HTTP status for an in-stream error code: quota and rate limits 429, request problems 400, the rest 502. */
export function openAIResponsesErrorStatus(code: string | null | undefined): number {
  if (code === 'rate_limit_exceeded' || code === 'insufficient_quota') return 429
  if (code && CLIENT_ERROR_CODES.test(code)) return 400
  return 502
}

/**
 * The error of an `error` event (documented with top-level code/message/param; recorded streams
 * nest them in `error`) or of a failed response (`response.failed` → `response.error`) -> a gateway
 * error. The message is the upstream's own: callers that show it elsewhere redact it first.
 */
export function convertOpenAIResponsesStreamError(source: OpenAIResponsesStreamEvent | OpenAIResponsesError | null | undefined): GatewayErrorInit {
  const nested = (source as OpenAIResponsesStreamEvent | undefined)?.error
  const error: OpenAIResponsesError = nested && typeof nested === 'object' ? nested : (source ?? {})
  const code = typeof error.code === 'string' ? error.code : typeof error.type === 'string' && error.type !== 'error' ? error.type : null
  const status = openAIResponsesErrorStatus(code)
  const message = typeof error.message === 'string' && error.message !== '' ? error.message : 'The upstream response failed'
  return {
    status,
    type: status === 429 ? 'rate_limit_error' : status === 400 ? 'invalid_request_error' : 'upstream_error',
    message,
    param: typeof error.param === 'string' ? error.param : null,
    code,
  }
}
