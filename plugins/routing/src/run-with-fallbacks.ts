import { GatewayError, type RequestContext, type UpstreamCall } from '@tollgate/core'
import { attemptDeployment } from './attempt-deployment'
import type { BreakerStore } from './breaker-store'
import type { BreakerState } from './circuit-breaker'
import { classifyFailure, countsAgainstDeployment } from './classify-failure'
import type { RouteEntry } from './create-route-table'
import type { DeploymentStats } from './deployment-stats'
import type { PlanStep } from './plan-route'
import { retryDelay } from './retry-delay'
import type { Clock } from './routing-options'
import type { AttemptRecord, RoutingRecord } from './routing-record'

export interface RunOptions {
  context: RequestContext
  next: UpstreamCall
  steps: PlanStep[]
  record: RoutingRecord
  breakers: BreakerStore
  stats: DeploymentStats
  clock: Clock
  random: () => number
  /** The steps of the route's `contextFallback`, if it has one. */
  contextSteps(entry: RouteEntry): PlanStep[] | undefined
}

const clientGone = (signal: AbortSignal) => signal.reason ?? new DOMException('The client went away', 'AbortError')

const midStreamFailure = () => new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_stream_error', message: 'The upstream stream failed after it started' })

function nothingAvailable(circuitWaits: number[], rateLimitWaits: number[]): GatewayError {
  const seconds = (waits: number[]) => Math.max(1, Math.ceil(Math.min(...waits) / 1000))
  if (circuitWaits.length === 0 && rateLimitWaits.length > 0) {
    return new GatewayError({ status: 429, code: 'deployment_rate_limited', message: 'Every deployment of this model is at its rate limit', retryAfter: seconds(rateLimitWaits) })
  }
  return new GatewayError({ status: 503, type: 'overloaded_error', code: 'no_healthy_deployment', message: 'Every deployment of this model is failing and cooling down; try again later', retryAfter: seconds([...circuitWaits, ...rateLimitWaits]) })
}

/**
 * Try the plan's deployments in order until one answers: transient failures are retried on the
 * same deployment with backoff (honouring Retry-After), then the next deployment is tried; a
 * deployment that failed is never tried again in the same request; the client's own mistakes
 * are answered at once. Bounded by `maxAttempts` and the deadline of the first route.
 */
export async function runWithFallbacks(options: RunOptions): Promise<Response> {
  const { context, clock, breakers, stats, record } = options
  const steps = [...options.steps]
  const policy = steps[0].entry.retry
  const deadlineAt = clock.now() + policy.deadlineMs
  const failed = new Set<string>()
  const switched = new Set<string>()
  const circuitWaits: number[] = []
  const rateLimitWaits: number[] = []
  let lastError: GatewayError | undefined
  let attempts = 0

  for (let index = 0; index < steps.length; index++) {
    const { entry, member } = steps[index]
    const { deployment } = member
    const log = (fields: Omit<AttemptRecord, 'deployment' | 'provider' | 'model' | 'route' | 'startedAt'>): AttemptRecord => {
      const line: AttemptRecord = { deployment: deployment.id, provider: deployment.route.provider.id, model: deployment.route.upstreamModel, route: entry.name, startedAt: clock.now(), ...fields }
      record.attempts.push(line)
      return line
    }
    if (failed.has(deployment.id)) continue
    const limit = stats.allows(deployment.id, deployment.limits)
    if (!limit.ok) {
      log({ outcome: 'skipped', reason: 'rate_limited' })
      rateLimitWaits.push(limit.retryAfterMs)
      continue
    }
    const permit = await breakers.acquire(deployment.id)
    if (permit === 'deny') {
      log({ outcome: 'skipped', reason: 'circuit_open' })
      circuitWaits.push(breakers.peek(deployment.id).retryAt - clock.now())
      continue
    }

    for (let retry = 0; ; retry++) {
      if (attempts >= policy.maxAttempts || clock.now() >= deadlineAt) {
        throw lastError ?? new GatewayError({ status: 504, type: 'timeout_error', code: 'deadline_exceeded', message: "The request's deadline passed before an upstream answered" })
      }
      attempts++
      const line = log({ outcome: 'ok' })
      try {
        const response = await attemptDeployment({
          context,
          next: options.next,
          deployment,
          timeoutMs: entry.retry.timeoutMs,
          deadlineAt,
          clock,
          stats,
          onStreamFailure: () => (stats.failure(deployment.id, midStreamFailure()), void breakers.record(deployment.id, false)),
        })
        line.durationMs = clock.now() - line.startedAt
        await breakers.record(deployment.id, true)
        record.served = { deployment: deployment.id, provider: line.provider, model: line.model, route: entry.name }
        return response
      } catch (error) {
        if (context.signal.aborted) throw clientGone(context.signal)
        const failure = GatewayError.from(error)
        const kind = classifyFailure(failure)
        Object.assign(line, { outcome: 'error', status: failure.status, code: failure.code, durationMs: clock.now() - line.startedAt })
        let breaker: BreakerState
        if (countsAgainstDeployment(kind)) {
          stats.failure(deployment.id, failure)
          breaker = await breakers.record(deployment.id, false)
        } else {
          // The upstream answered (the prompt was the problem): it is healthy; a probe closes the breaker.
          breaker = await breakers.record(deployment.id, true)
        }
        if (kind === 'fatal') throw failure
        lastError = failure
        if (kind === 'context') {
          const larger = switched.has(entry.name) ? undefined : options.contextSteps(entry)
          if (!larger?.length) throw failure
          switched.add(entry.name)
          // The rest of this route has the same window: continue with the larger route instead.
          steps.splice(index + 1, steps.length, ...larger, ...steps.slice(index + 1).filter((step) => step.entry !== entry))
          break
        }
        if (kind === 'retry' && permit === 'allow' && retry < entry.retry.retries && breaker.state === 'closed') {
          const delay = retryDelay(retry + 1, entry.retry, options.random, failure.retryAfter)
          if (delay !== undefined && clock.now() + delay < deadlineAt) {
            line.retryDelayMs = Math.round(delay)
            await clock.sleep(delay, context.signal).catch(() => {
              throw clientGone(context.signal)
            })
            continue
          }
        }
        break
      }
    }
    failed.add(deployment.id)
  }
  throw lastError ?? nothingAvailable(circuitWaits, rateLimitWaits)
}
