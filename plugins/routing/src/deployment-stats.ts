import type { GatewayError } from '@tollgate/core'
import type { Clock } from './routing-options'

const MINUTE = 60_000
const RECENT_FAILURES = 10
/** Weight of the newest sample in the latency moving average. */
const LATENCY_SMOOTHING = 0.3

export interface RecentFailure {
  at: number
  status: number
  code: string | null
  message: string
}

interface Entry {
  inFlight: number
  latencyMs?: number
  /** Attempt start times within the last minute. */
  requests: number[]
  /** [time, tokens] of usage within the last minute. */
  tokens: Array<[number, number]>
  failures: RecentFailure[]
}

export interface DeploymentHealth {
  inFlight: number
  /** Moving average of the time to the first event (streams) or to the whole body; null until measured. */
  latencyMs: number | null
  requestsLastMinute: number
  tokensLastMinute: number
  recentFailures: RecentFailure[]
}

/** Per-instance figures of each deployment: load, speed, recent failures, and its local rpm/tpm windows. */
export function createDeploymentStats(clock: Clock) {
  const entries = new Map<string, Entry>()
  const entry = (id: string) => {
    let found = entries.get(id)
    if (!found) entries.set(id, (found = { inFlight: 0, requests: [], tokens: [], failures: [] }))
    return found
  }
  const prune = (found: Entry, now: number) => {
    while (found.requests.length > 0 && found.requests[0] <= now - MINUTE) found.requests.shift()
    while (found.tokens.length > 0 && found.tokens[0][0] <= now - MINUTE) found.tokens.shift()
  }

  return {
    /** An attempt starts: one more in flight, one more request this minute. */
    begin(id: string) {
      const found = entry(id)
      found.inFlight++
      found.requests.push(clock.now())
    },
    /** An attempt is over (its answer fully read, its stream ended, or it failed). */
    end(id: string) {
      const found = entry(id)
      found.inFlight = Math.max(0, found.inFlight - 1)
    },
    latency(id: string, milliseconds: number) {
      const found = entry(id)
      found.latencyMs = found.latencyMs === undefined ? milliseconds : found.latencyMs + LATENCY_SMOOTHING * (milliseconds - found.latencyMs)
    },
    failure(id: string, error: GatewayError) {
      const found = entry(id)
      found.failures.push({ at: clock.now(), status: error.status, code: error.code, message: error.message.slice(0, 200) })
      if (found.failures.length > RECENT_FAILURES) found.failures.shift()
    },
    tokens(id: string, count: number) {
      if (count > 0) entry(id).tokens.push([clock.now(), count])
    },
    inFlight: (id: string) => entries.get(id)?.inFlight ?? 0,
    latencyMs: (id: string) => entries.get(id)?.latencyMs,
    /** Whether the deployment is under its local limits; if not, how long until it is. */
    allows(id: string, limits: { rpm?: number; tpm?: number } | undefined): { ok: true } | { ok: false; retryAfterMs: number } {
      if (!limits?.rpm && !limits?.tpm) return { ok: true }
      const found = entry(id)
      const now = clock.now()
      prune(found, now)
      if (limits.rpm && found.requests.length >= limits.rpm) return { ok: false, retryAfterMs: found.requests[found.requests.length - limits.rpm] + MINUTE - now }
      if (limits.tpm) {
        const used = found.tokens.reduce((sum, [, count]) => sum + count, 0)
        if (used >= limits.tpm) return { ok: false, retryAfterMs: found.tokens[0][0] + MINUTE - now }
      }
      return { ok: true }
    },
    health(id: string): DeploymentHealth {
      const found = entry(id)
      prune(found, clock.now())
      return {
        inFlight: found.inFlight,
        latencyMs: found.latencyMs === undefined ? null : Math.round(found.latencyMs),
        requestsLastMinute: found.requests.length,
        tokensLastMinute: found.tokens.reduce((sum, [, count]) => sum + count, 0),
        recentFailures: [...found.failures],
      }
    },
    forget(id: string) {
      entries.delete(id)
    },
  }
}

export type DeploymentStats = ReturnType<typeof createDeploymentStats>
