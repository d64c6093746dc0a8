import { GatewayError, replaceResponseBody, type RequestContext, type UpstreamCall } from '@tollgate/core'
import type { Deployment } from './create-route-table'
import type { DeploymentStats } from './deployment-stats'
import { peekStream } from './peek-stream'
import { readJsonResponse } from './read-json-response'
import type { Clock } from './routing-options'

export interface AttemptOptions {
  context: RequestContext
  next: UpstreamCall
  deployment: Deployment
  timeoutMs: number
  /** Unix ms (clock time) when the whole request must be done. */
  deadlineAt: number
  clock: Clock
  stats: DeploymentStats
  /** The stream failed after its first event (too late to retry; the breaker still hears of it). */
  onStreamFailure(): void
}

function timeoutError(deployment: Deployment, byDeadline: boolean, milliseconds: number) {
  const provider = deployment.route.provider.id
  return new GatewayError({
    status: 504,
    type: 'timeout_error',
    code: byDeadline ? 'deadline_exceeded' : 'upstream_timeout',
    message: byDeadline ? `The request's deadline passed while waiting for provider '${provider}'` : `Provider '${provider}' did not answer within ${milliseconds} ms`,
  })
}

/**
 * One upstream attempt on one deployment, bounded by its timeout (and the request's deadline).
 * Resolves only once the answer is known to be good: a stream's first event has arrived and is
 * not an error, or a JSON body has been read whole and parses. Counts load and latency.
 */
export async function attemptDeployment(options: AttemptOptions): Promise<Response> {
  const { context, deployment, clock, stats } = options
  const remaining = options.deadlineAt - clock.now()
  const byDeadline = remaining < options.timeoutMs
  const limit = Math.max(0, Math.min(options.timeoutMs, remaining))
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), limit)
  const started = clock.now()
  let streaming = false
  stats.begin(deployment.id)
  try {
    const response = await options.next({ route: deployment.route, signal: timeout.signal })
    if (context.stream && response.body) {
      const body = await peekStream(response.body, timeout.signal, (end) => {
        stats.end(deployment.id)
        if (end === 'error' && !context.signal.aborted) options.onStreamFailure()
      })
      streaming = true
      stats.latency(deployment.id, clock.now() - started)
      return replaceResponseBody(response, body)
    }
    const copy = await readJsonResponse(response, deployment.route.provider.id)
    stats.latency(deployment.id, clock.now() - started)
    return copy
  } catch (error) {
    if (!context.signal.aborted && timeout.signal.aborted) throw timeoutError(deployment, byDeadline, limit)
    throw error
  } finally {
    clearTimeout(timer)
    if (!streaming) stats.end(deployment.id)
  }
}
