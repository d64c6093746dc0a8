import { errorTypeForStatus, type ErrorType } from '../../errors/gateway-error'

const statusByType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
}

/** The HTTP status Anthropic pairs with an error type (for errors that arrive inside a stream). */
export function anthropicErrorStatus(type: string | undefined): number {
  return (type && Object.hasOwn(statusByType, type) && statusByType[type]) || 500
}

/**
 * Gateway error type → Anthropic error type. Anthropic has no `upstream_error`: a 503 becomes
 * `overloaded_error` (retry later), anything else `api_error`.
 */
export function toAnthropicErrorType(type: ErrorType | undefined, status: number): string {
  const resolved = type ?? errorTypeForStatus(status)
  if (resolved !== 'upstream_error') return resolved
  return status === 503 ? 'overloaded_error' : 'api_error'
}
