import { hasScope } from '../auth/has-scope'
import { readCredential } from '../auth/read-credential'
import { GatewayError } from '../errors/gateway-error'
import type { Dialect, RenderContext, RequestTarget } from '../plugin/dialect'
import type { RequestContext } from '../plugin/gateway-plugin'
import type { ModelCatalog } from '../routing/model-catalog'
import { createCanonicalSseTransform } from './canonical-sse-transform'
import { createFinisher, type Finisher } from './create-finisher'
import type { HookRunner } from './create-hook-runner'
import { createRequestContext } from './create-request-context'
import { estimateInputTokens } from './estimate-input-tokens'
import { createMeteredSseStream } from './metered-sse-stream'
import { createPassthroughSseTransform } from './passthrough-sse-transform'
import { COST_HEADER, priceFinalUsage } from './price-final-usage'
import { createUpstreamAttempt, takesFastPath } from './create-upstream-attempt'
import { ensureCanonical } from './prepare-upstream-request'
import { readRoutingPreferences } from './read-routing-preferences'

export interface InferenceRuntime {
  catalog: ModelCatalog
  hooks: HookRunner
  logger: Pick<Console, 'error'>
}

const jsonHeaders = (headers: Headers) => (headers.set('content-type', 'application/json'), headers)

export interface Admission {
  context: RequestContext
  finish: Finisher
}

/**
 * First step of a request's life, before its body is even read: authenticate. Returns the
 * admission that the rest of the pipeline continues with, or the dialect's 401 response.
 */
export async function authenticateRequest(runtime: InferenceRuntime, dialect: Dialect, request: Request, path: string, requiredScopes: string[] = []): Promise<Admission | Response> {
  const context = createRequestContext(request, dialect.id, path)
  const finish = createFinisher(context, runtime.hooks)
  try {
    context.principal = await runtime.hooks.authenticate(context, readCredential(request.headers, request.url))
    if (!context.principal) {
      throw new GatewayError({ status: 401, message: 'Missing or invalid API key. Send it as "Authorization: Bearer <key>" or "x-api-key".', code: 'invalid_api_key' })
    }
    const missing = requiredScopes.filter((scope) => !hasScope(context.principal!, scope))
    if (missing.length > 0) {
      throw new GatewayError({ status: 403, message: `This key lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, code: 'insufficient_scope' })
    }
    return { context, finish }
  } catch (error) {
    return failure(runtime, dialect, context, finish, error)
  }
}

/**
 * The life of one inference request after authentication:
 * admit → route → translate → upstream → translate back → meter → finish.
 */
export async function handleInference(runtime: InferenceRuntime, dialect: Dialect, admission: Admission, request: Request, body: Record<string, any>, params: Record<string, string> = {}): Promise<Response> {
  const { context, finish } = admission

  try {
    // Gateway-level routing fields (`provider`, `models`) are read and removed before any translation.
    const routing = readRoutingPreferences(body)
    body = routing.body
    context.preferences = routing.preferences
    const target = dialect.readTarget?.(body, { url: request.url, params }) ?? readBodyTarget(body)
    context.model = target.model
    context.stream = target.stream
    context.estimate = { inputTokens: estimateInputTokens(request), maxOutputTokens: target.maxOutputTokens }
    const renderContext: RenderContext = { model: target.model, requestId: context.id, includeUsage: target.includeUsage, options: target.options }
    if (runtime.hooks.pricesUsage) renderContext.priceUsage = (usage) => runtime.hooks.priceUsage(context, usage)

    await runtime.hooks.admit(context)
    context.route = (await runtime.hooks.resolveRoute(context)) ?? runtime.catalog.resolve(context.model)
    // Translate before the upstream call (so translation errors are never retried); fallbacks reuse it.
    if (!takesFastPath(context.route, dialect, runtime.hooks, target)) await ensureCanonical(context, dialect, { body, headers: request.headers, target }, runtime.hooks)
    const upstream = createUpstreamAttempt({ context, dialect, body, target, request, hooks: runtime.hooks, signal: request.signal })
    const response = await runtime.hooks.wrapUpstream(context, upstream.attempt)
    const { route, fastPath, conversion } = upstream.served(response) ?? { route: context.route, fastPath: false, conversion: { modelId: context.route.upstreamModel } }
    context.route = route
    context.responseHeaders.set('x-tollgate-provider', route.provider.id)
    context.responseHeaders.set('x-tollgate-upstream-model', route.upstreamModel)
    context.responseHeaders.set('x-tollgate-attempts', String(context.attempts))

    if (context.stream && response.body) {
      const transform = fastPath
        ? createPassthroughSseTransform({ context, dialect, renderContext })
        : createCanonicalSseTransform({ context, converter: route.provider.spec.createStreamConverter(conversion), renderer: dialect.createStreamRenderer(renderContext), hooks: runtime.hooks })
      const stream = createMeteredSseStream({
        body: response.body,
        transform,
        onFirstByte: () => (context.firstByteAt = Date.now()),
        onClose: (outcome, error) => void finish(outcome, { error, status: 200, estimatedUsage: outcome === 'ok' ? undefined : transform.estimatedUsage() }),
      })
      context.responseHeaders.set('content-type', transform.contentType ?? 'text/event-stream; charset=utf-8')
      context.responseHeaders.set('cache-control', 'no-cache')
      return new Response(stream, { status: 200, headers: context.responseHeaders })
    }

    const text = await response.text()
    const upstreamBody = parseUpstreamJson(text, route.provider.id)
    if (fastPath) {
      const tap = dialect.createTap(renderContext)
      context.usage = priceFinalUsage(context, runtime.hooks, tap.usageFromBody(upstreamBody))
      const cost = context.usage.cost
      // Priced: the cost joins the upstream's own usage object (the only case the body is re-serialised).
      if (cost !== undefined) context.responseHeaders.set(COST_HEADER, String(cost))
      if (cost !== undefined && tap.addCostToBody) tap.addCostToBody(upstreamBody, cost)
      void finish('ok')
      return new Response(cost !== undefined && tap.addCostToBody ? JSON.stringify(upstreamBody) : text, { status: 200, headers: jsonHeaders(context.responseHeaders) })
    }
    const canonicalResponse = route.provider.spec.convertResponse(upstreamBody, conversion)
    canonicalResponse.usage = context.usage = priceFinalUsage(context, runtime.hooks, canonicalResponse.usage)
    if (context.usage.cost !== undefined) context.responseHeaders.set(COST_HEADER, String(context.usage.cost))
    void finish('ok')
    return new Response(JSON.stringify(dialect.renderResponse(canonicalResponse, renderContext)), { status: 200, headers: jsonHeaders(context.responseHeaders) })
  } catch (error) {
    return failure(runtime, dialect, context, finish, error)
  }
}

/** Where OpenAI- and Anthropic-style bodies keep the model, the stream flag and the output limit. */
function readBodyTarget(body: Record<string, any>): RequestTarget {
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens
  return { model: body.model, stream: body.stream === true, includeUsage: body.stream_options?.include_usage === true, maxOutputTokens: typeof maxOutputTokens === 'number' ? maxOutputTokens : undefined }
}

function parseUpstreamJson(text: string, provider: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: `Provider '${provider}' returned a response that is not valid JSON` })
  }
}

export function failure(runtime: InferenceRuntime, dialect: Dialect, context: RequestContext, finish: Finisher, error: unknown): Response {
  if (context.signal.aborted && !(error instanceof GatewayError)) {
    void finish('cancelled')
    return new Response(null, { status: 499 })
  }
  if (!(error instanceof GatewayError)) runtime.logger.error(`[tollgate] ${context.id} unexpected error:`, error)
  const gatewayError = GatewayError.from(error)
  void finish('error', { error: gatewayError })
  const rendered = dialect.renderError(gatewayError)
  const headers = jsonHeaders(context.responseHeaders)
  for (const [name, value] of Object.entries(rendered.headers ?? {})) headers.set(name, value)
  return new Response(JSON.stringify(rendered.body), { status: rendered.status, headers })
}

