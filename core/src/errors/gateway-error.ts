/**
 * The one error type of the gateway. Dialects render it into their own shape
 * (OpenAI envelope, Anthropic error object, ...); the status decides the canonical type.
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'upstream_error'
  | 'overloaded_error'
  | 'timeout_error'

export interface GatewayErrorInit {
  status: number
  message: string
  type?: ErrorType
  param?: string | null
  code?: string | null
  /** Seconds the client should wait before retrying (429/503). */
  retryAfter?: number
}

export function errorTypeForStatus(status: number): ErrorType {
  switch (status) {
    case 400:
    case 415:
    case 422:
      return 'invalid_request_error'
    case 401:
      return 'authentication_error'
    case 402:
      return 'billing_error'
    case 403:
      return 'permission_error'
    case 404:
      return 'not_found_error'
    case 413:
      return 'request_too_large'
    case 429:
      return 'rate_limit_error'
    case 500:
      return 'api_error'
    case 504:
      return 'timeout_error'
    default:
      return status >= 500 ? 'upstream_error' : 'invalid_request_error'
  }
}

export class GatewayError extends Error {
  readonly status: number
  readonly type: ErrorType
  readonly param: string | null
  readonly code: string | null
  readonly retryAfter?: number

  constructor(init: GatewayErrorInit) {
    super(init.message)
    this.name = 'GatewayError'
    this.status = init.status
    this.type = init.type ?? errorTypeForStatus(init.status)
    this.param = init.param ?? null
    this.code = init.code ?? null
    this.retryAfter = init.retryAfter
  }

  static from(error: unknown): GatewayError {
    if (error instanceof GatewayError) return error
    if (error && typeof error === 'object' && 'status' in error && 'message' in error) {
      return new GatewayError(error as GatewayErrorInit)
    }
    return new GatewayError({ status: 500, message: 'Internal gateway error', code: 'internal_error' })
  }

  toJSON(): GatewayErrorInit {
    return { status: this.status, type: this.type, message: this.message, param: this.param, code: this.code, retryAfter: this.retryAfter }
  }
}

export const invalidRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new GatewayError({ status: 400, message, param, code })
