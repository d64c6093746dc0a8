import type { CanonicalRequest, StreamEvent, Usage } from '../canonical'
import type { PluginCommand } from '../cli/plugin-command'
import type { GatewayError } from '../errors/gateway-error'
import type { ModelInfo } from './model-info'
import type { PluginServices } from './plugin-services'
import type { Provider } from './provider-spec'

/** Who is calling: filled by the first `authenticate` hook that recognises the credential. */
export interface Principal {
  /** Stable id of the key (never the key itself). */
  keyId: string
  accountId?: string
  /** Scopes the key holds; `['*']` for the master key. */
  scopes: string[]
  /** Model allowlist (ids or `*` patterns); absent = all models. */
  models?: string[]
  /**
   * Browser origins (exact, or `*` patterns) this credential may be used from. A request whose
   * `Origin` is another site is refused (403) unless listed; absent = none (same-origin only).
   */
  allowedOrigins?: string[]
  projectId?: string
  /** The account's plan (defaults for limits and billing rules). */
  plan?: string
  /** Limits set on the key itself (enforced by the rate-limit and billing plugins). */
  keyLimits?: PrincipalLimits
  /** Limits set on the key's account. */
  accountLimits?: PrincipalLimits
  /** Anything else the auth plugin wants later hooks to see. */
  attributes?: Record<string, unknown>
}

/** Per-key or per-account limits; absent fields fall back to the plan's defaults. */
export interface PrincipalLimits {
  /** Requests per minute. */
  rpm?: number
  /** Tokens per minute. */
  tpm?: number
  maxConcurrency?: number
  /** Spend cap in micro-USD. */
  spendLimitMicros?: number
}

/** Where a request goes: one provider and the model id it knows. */
export interface Route {
  provider: Provider
  /** Upstream model id, no `provider/` prefix. */
  upstreamModel: string
  model?: ModelInfo
}

export type Outcome = 'ok' | 'error' | 'cancelled'

/**
 * Gateway-level routing preferences a client may put in its request body (`provider`, `models`).
 * Core validates them, removes them from the body (they never reach the upstream) and exposes
 * them here; a routing plugin honours them.
 */
export interface RoutingPreferences {
  /** From `provider`: which providers may serve the request, and in which order. */
  provider?: {
    /** Providers to try first, in this order. */
    order?: string[]
    /** Only these providers may serve the request. */
    only?: string[]
    /** These providers must not serve the request. */
    ignore?: string[]
    /** When false, only the providers in `order` may serve. @default true (false for the string and array forms) */
    allowFallbacks: boolean
    /** Order the deployments by price or latency instead of the route's own strategy. */
    sort?: 'price' | 'latency'
  }
  /** From `models`: fallback models, tried in order after `model`. */
  models?: string[]
}

/** The life of one request, shared by every hook. Hooks may read everything and write `state`. */
export interface RequestContext {
  readonly id: string
  /** Inbound dialect id: `openai-chat`, `anthropic-messages`. */
  readonly dialect: string
  readonly method: string
  readonly path: string
  readonly headers: Headers
  /** Unix ms when the gateway received the request. */
  readonly startedAt: number
  principal?: Principal
  /** The model the client asked for. */
  model: string
  stream: boolean
  /**
   * Admission-time estimate, for reservations before the upstream reports real usage: input
   * tokens from the request size, and the output limit the client asked for (absent: the model's).
   */
  estimate: { inputTokens: number; maxOutputTokens?: number }
  route?: Route
  /** Upstream attempts made so far (retries and fallbacks included). */
  attempts: number
  /** Routing preferences the client sent (`provider`, `models`), already validated and removed from the body. */
  preferences?: RoutingPreferences
  /** The canonical request (absent on the same-format fast path). */
  canonical?: CanonicalRequest
  /** Usage so far; final when `finish` runs. */
  usage?: Usage
  /** Unix ms of the first byte sent to the client (streams). */
  firstByteAt?: number
  /** Headers added to the client's response (rate-limit headers, cost, ...). */
  readonly responseHeaders: Headers
  /** Per-request scratch space for plugins, keyed by plugin name. */
  readonly state: Record<string, unknown>
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal
}

export interface FinishInfo {
  outcome: Outcome
  usage?: Usage
  error?: GatewayError
  /** HTTP status sent to the client. */
  status: number
}

export interface UpstreamCallOptions {
  /** Call this route instead of `context.route` (fallbacks); the request is converted for its provider. */
  route?: Route
  /** An extra abort signal for this attempt (per-attempt timeouts). */
  signal?: AbortSignal
}

/**
 * One upstream attempt. Resolves with a successful (2xx) response whose body is unread, or
 * rejects with a GatewayError already mapped from the provider's error (status, retryAfter).
 * A `wrapUpstream` hook may call it several times: retries, fallbacks, hedging.
 */
export type UpstreamCall = (options?: UpstreamCallOptions) => Promise<Response>

/**
 * Lifecycle hooks, run in this order for each inference request:
 * authenticate → admit → resolveRoute → transformRequest → wrapUpstream → onStreamEvent* → onUsage → onError? → onFinish.
 * Hooks of different plugins run in the order the plugins are listed in the config.
 * `onFinish` runs exactly once per request, whatever happens.
 */
export interface GatewayHooks {
  /** Return a principal for the credential, or undefined to let the next plugin try. Throw to reject. */
  authenticate?(context: RequestContext, credential: string | undefined): Principal | undefined | Promise<Principal | undefined>
  /** Admission control before routing (rate limits, budgets). Throw a GatewayError to refuse. */
  admit?(context: RequestContext): void | Promise<void>
  /** Return a route to override the catalogue (aliases, load balancing), or undefined. */
  resolveRoute?(context: RequestContext): Route | undefined | Promise<Route | undefined>
  /** Rewrite the canonical request. Having this hook disables the same-format fast path. */
  transformRequest?(context: RequestContext, request: CanonicalRequest): CanonicalRequest | void | Promise<CanonicalRequest | void>
  /** Wrap the upstream call (retries, fallbacks, caching, timing); `next` may be called more than once. */
  wrapUpstream?(context: RequestContext, next: UpstreamCall): Promise<Response>
  /** Observe each canonical stream event. Having this hook disables the same-format fast path. */
  onStreamEvent?(context: RequestContext, event: StreamEvent): void
  /**
   * Price the final usage (USD) as soon as it is known, before the response renders it: the cost
   * reaches the client as `usage.cost` in the body (streams: in the final usage event) and, for
   * JSON responses, the `x-tollgate-cost` header. Synchronous and pure (it runs on the response
   * path); the first plugin returning a number wins. Without this hook nothing is priced.
   */
  priceUsage?(context: RequestContext, usage: Usage): number | undefined
  /** Final usage of a request that reached the upstream (also partial usage of aborted streams). */
  onUsage?(context: RequestContext, usage: Usage): void | Promise<void>
  onError?(context: RequestContext, error: GatewayError): void | Promise<void>
  /** Exactly once per request. */
  onFinish?(context: RequestContext, info: FinishInfo): void | Promise<void>
}

/** A route a plugin adds to the gateway, described with TypeBox schemas for validation and OpenAPI. */
export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  schema?: { body?: unknown; query?: unknown; params?: unknown; response?: unknown; detail?: Record<string, unknown> }
  handler(input: { request: Request; body: unknown; query: Record<string, string | undefined>; params: Record<string, string>; context?: RequestContext }): Response | unknown | Promise<Response | unknown>
}

/** A model as `GET /v1/models` lists it, handed to `describeModel`. */
export interface ListedModel {
  /** The id shown to clients: `provider/model`, or an alias name. */
  id: string
  provider: string
  /** The provider's own id of the model. */
  upstreamModel: string
  /** The catalogue entry. */
  info: ModelInfo
  /** Set when `id` is a config alias: the `provider/model` it stands for. */
  aliasOf?: string
}

/**
 * Fields a plugin adds to a model's entry in `GET /v1/models` (OpenAI shape), e.g. a billing plugin's
 * `pricing: { input, output, ... }`. Later plugins override earlier ones; `undefined` adds nothing.
 */
export type ModelDescription = Record<string, unknown>

export interface GatewayPlugin {
  /** Unique name, also the key of its `context.state` slot. */
  name: string
  hooks?: GatewayHooks
  routes?: PluginRoute[]
  /** Extra fields for a model's entry in `GET /v1/models` (prices, limits, ...); called per listed model. */
  describeModel?(model: ListedModel): ModelDescription | undefined
  /** Commands for `bun run tollgate <command>` (e.g. `keys create`), run against the same store. */
  commands?: PluginCommand[]
  /** Called once when the gateway starts, in plugin order, with what core provides (store, Redis, providers). */
  start?(services: PluginServices): void | Promise<void>
  /** Called on graceful shutdown (flush buffers, close connections). */
  stop?(): void | Promise<void>
}

/** Declare a platform plugin: `export const audit = definePlugin({ name: 'audit', hooks: {...} })`. */
export function definePlugin<T extends GatewayPlugin>(plugin: T): T {
  return plugin
}
