/** One try (or skip) of a deployment within a client request. */
export interface AttemptRecord {
  deployment: string
  provider: string
  /** Upstream model id. */
  model: string
  /** The route (public model name) the deployment served. */
  route: string
  outcome: 'ok' | 'error' | 'skipped'
  /** Why a deployment was skipped without a call. */
  reason?: 'circuit_open' | 'rate_limited'
  /** Error status and code of a failed attempt. */
  status?: number
  code?: string | null
  /** Unix ms. */
  startedAt: number
  /** Until the answer was ready to stream (first event) or read (JSON); or until it failed. */
  durationMs?: number
  /** Backoff waited after this attempt before retrying the same deployment. */
  retryDelayMs?: number
}

/**
 * What routing did for one request, at `context.state.routing` (for usage records and logs):
 * every attempt in order and the deployment that served.
 */
export interface RoutingRecord {
  /** The model the client asked for. */
  model: string
  attempts: AttemptRecord[]
  served?: { deployment: string; provider: string; model: string; route: string }
}
