import type { GatewayError } from '@tollgate/core'

/**
 * What to do after a failed attempt:
 * - `retry`: transient (connection error, timeout, 408, 429, 5xx, overload, dead stream): retry
 *   the same deployment with backoff, then fall back to the next one;
 * - `fallback`: this deployment cannot serve (our key or account rejected, model missing there):
 *   go to the next deployment at once;
 * - `context`: the prompt is too long for this deployment: go to the route's `contextFallback`;
 * - `fatal`: the client's own request is at fault (400, 401, 403, 413, 422...): answer at once.
 */
export type FailureKind = 'retry' | 'fallback' | 'context' | 'fatal'

const DEPLOYMENT_FAULTS = new Set(['upstream_authentication_error', 'upstream_billing_error', 'upstream_not_found'])
const CONTEXT_LENGTH = /context[ _-]?length|context window|maximum context|prompt is too long|too many (input )?tokens/i

export function isContextLengthError(error: GatewayError): boolean {
  return (error.status === 400 || error.status === 413) && (error.code === 'context_length_exceeded' || CONTEXT_LENGTH.test(error.message))
}

export function classifyFailure(error: GatewayError): FailureKind {
  if (isContextLengthError(error)) return 'context'
  if (error.code !== null && DEPLOYMENT_FAULTS.has(error.code)) return 'fallback'
  if (error.status === 404 && error.code === 'model_not_found') return 'fallback'
  if (error.status === 501) return 'fallback'
  if (error.status === 408 || error.status === 429 || error.status >= 500) return 'retry'
  return 'fatal'
}

/** Failures that say something about the deployment's health (its breaker counts them). */
export const countsAgainstDeployment = (kind: FailureKind) => kind === 'retry' || kind === 'fallback'
