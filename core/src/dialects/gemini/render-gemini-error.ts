import type { GatewayError, GatewayErrorInit } from '../../errors/gateway-error'
import { googleStatusForHttpStatus, type GeminiErrorBody, type GeminiErrorObject } from '../../formats/gemini'

const TYPE = 'type.googleapis.com/google.rpc.'

/**
 * Gateway error → Google's error object `{code, message, status}`, with the google.rpc details
 * Google clients read: ErrorInfo (the gateway's error code as `reason`), BadRequest (the offending
 * field) and RetryInfo (`retryDelay`, which the Gemini CLI and SDK retry loops honour).
 */
export function convertToGeminiError(error: GatewayErrorInit): GeminiErrorObject {
  const details: Array<Record<string, unknown>> = []
  if (error.code) details.push({ '@type': `${TYPE}ErrorInfo`, reason: error.code.toUpperCase(), domain: 'tollgate' })
  if (error.param) details.push({ '@type': `${TYPE}BadRequest`, fieldViolations: [{ field: error.param, description: error.message }] })
  if (error.retryAfter !== undefined) details.push({ '@type': `${TYPE}RetryInfo`, retryDelay: `${Math.ceil(error.retryAfter)}s` })
  return { code: error.status, message: error.message, status: googleStatusForHttpStatus(error.status), ...(details.length > 0 && { details }) }
}

/** GatewayError → Gemini error response (`Retry-After` too when the error says when to retry). */
export function renderGeminiError(error: GatewayError): { status: number; body: GeminiErrorBody; headers?: Record<string, string> } {
  const rendered = { status: error.status, body: { error: convertToGeminiError(error) } }
  return error.retryAfter === undefined ? rendered : { ...rendered, headers: { 'Retry-After': String(Math.ceil(error.retryAfter)) } }
}
