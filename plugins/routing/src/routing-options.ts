/** How a route orders its deployments for each request. */
export type Strategy = 'priority' | 'weighted' | 'least-in-flight' | 'lowest-latency' | 'lowest-price'

export const STRATEGIES: Strategy[] = ['priority', 'weighted', 'least-in-flight', 'lowest-latency', 'lowest-price']

/** One upstream that can serve a route: a provider, its model id, and optionally its own credentials. */
export interface DeploymentConfig {
  /**
   * Stable id: the key of its circuit breaker (shared by every route that uses the same upstream)
   * and of its health in `GET /admin/routes`.
   * @default `provider/model`, plus `@host` with a custom base URL and `#2`, `#3`... when repeated
   */
  id?: string
  /** A configured provider's id (`openai`, `anthropic`, ...). */
  provider: string
  /** The upstream model id (no `provider/` prefix). */
  model: string
  /** This deployment's own API key. @default the provider's */
  apiKey?: string
  /** Name of an environment variable holding the API key (keeps keys out of `TOLLGATE_ROUTES`). */
  apiKeyEnv?: string
  /** This deployment's own base URL (another region, an Azure-style endpoint, a proxy). @default the provider's */
  baseURL?: string
  /** Extra headers sent to this deployment. */
  headers?: Record<string, string>
  /** Share of traffic under the `weighted` strategy (and tie-breaker elsewhere); 0 = only as a last resort. @default 1 */
  weight?: number
  /** Lower goes first under the `priority` strategy. @default its position in the list */
  priority?: number
  /** Local limits per gateway instance: a deployment at its limit is skipped until the minute rolls on. */
  limits?: { rpm?: number; tpm?: number }
  /** Price per million tokens, used by the `lowest-price` strategy and `provider.sort: "price"`. */
  price?: { input: number; output: number }
  /** Context window in tokens (informational; overrides the catalogue's value). */
  contextWindow?: number
}

/** Retries, timeouts and the deadline. */
export interface RetryPolicy {
  /** Retries on the same deployment after its first attempt, for transient failures. @default 2 */
  retries: number
  /** First backoff; doubles on each retry, with jitter (half fixed, half random). @default 200 */
  baseDelayMs: number
  /** Longest backoff. @default 5000 */
  maxDelayMs: number
  /** Longest upstream `Retry-After` the gateway waits for; longer → the next deployment at once. @default 10000 */
  maxRetryAfterMs: number
  /** Most upstream attempts per client request, all deployments together. @default 6 */
  maxAttempts: number
  /** Per attempt: until the first stream event (streams) or the whole body (JSON answers). @default 120000 */
  timeoutMs: number
  /** All attempts and waits of one request together. @default 300000 */
  deadlineMs: number
}

/** When a deployment is taken out of rotation and how it is probed back. */
export interface BreakerPolicy {
  /** Consecutive failures that open the breaker. @default 5 */
  failureThreshold: number
  /** Also open when at least this share (0..1) of the calls in the window failed. @default off */
  failureRate?: number
  /** Calls needed in the window before `failureRate` applies. @default 10 */
  minimumCalls: number
  /** Window of the failure rate. @default 60000 */
  windowMs: number
  /** How long an open breaker keeps the deployment out before one probe request may try it. @default 30000 */
  coolDownMs: number
  /** How long a half-open probe holds its lease (another probe may go after it). @default the attempt timeout (`retry.timeoutMs`) */
  probeTimeoutMs: number
}

/** A public model name served by one or more deployments. */
export interface RouteConfig {
  /** @default 'priority' (the list order is the fallback chain) */
  strategy?: Strategy
  deployments: DeploymentConfig[]
  /** Route or model to continue with when a deployment says the prompt is too long for its context window. */
  contextFallback?: string
  /** Overrides of the plugin-wide retry policy for this route. */
  retry?: Partial<RetryPolicy>
}

/** Time as the plugin sees it: injected by tests so backoff never really sleeps. */
export interface Clock {
  now(): number
  /** Resolve after `milliseconds`; reject with the signal's reason when it aborts first. */
  sleep(milliseconds: number, signal: AbortSignal): Promise<void>
}

export interface RoutingOptions {
  /** Public model name → route. Routes from `TOLLGATE_ROUTES` are merged over these (same name: the environment wins). */
  routes?: Record<string, RouteConfig>
  /** Read routes from the `TOLLGATE_ROUTES` environment variable (JSON, or the path of a JSON file). @default true */
  environment?: boolean
  retry?: Partial<RetryPolicy>
  breaker?: Partial<BreakerPolicy>
  /** @default real time */
  clock?: Clock
  /** @default Math.random */
  random?: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxRetryAfterMs: 10_000,
  maxAttempts: 6,
  timeoutMs: 120_000,
  deadlineMs: 300_000,
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = {
  failureThreshold: 5,
  minimumCalls: 10,
  windowMs: 60_000,
  coolDownMs: 30_000,
  probeTimeoutMs: 120_000,
}
