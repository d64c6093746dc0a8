import { COST_HEADER, priceFinalUsage } from './price-final-usage'
import { createUsage, type CanonicalEmbeddingRequest, type CanonicalEmbeddingResponse } from '../canonical'
import { GatewayError } from '../errors/gateway-error'
import type { Dialect } from '../plugin/dialect'
import type { Route } from '../plugin/gateway-plugin'
import { estimateInputTokens } from './estimate-input-tokens'
import { estimateEmbeddingTokens } from './estimate-prompt-tokens'
import { failure, type Admission, type InferenceRuntime } from './handle-inference'
import { readRoutingPreferences } from './read-routing-preferences'
import { admitAndRoute, jsonResponse, runOperation } from './run-operation'

export interface EmbeddingTarget {
  model: string
  /** Dialect-specific rendering options (e.g. Gemini's single vs batch method). */
  options?: Record<string, unknown>
}

/** An inbound embeddings dialect: client wire format ⇄ canonical embedding request and response. */
export interface EmbeddingDialect {
  id: string
  /** The chat dialect of the same family: renders errors in the client's shape. */
  errors: Dialect
  readTarget(body: Record<string, unknown>, request: { url: string; params: Record<string, string> }): EmbeddingTarget
  toCanonical(body: Record<string, unknown>, target: EmbeddingTarget): CanonicalEmbeddingRequest
  renderResponse(response: CanonicalEmbeddingResponse, context: { model: string; request: CanonicalEmbeddingRequest; inputTokens: number; options?: Record<string, unknown> }): unknown
}

function embeddingsOf(route: Route, model: string) {
  const operation = route.provider.spec.embeddings
  if (!operation) {
    throw new GatewayError({ status: 400, param: 'model', code: 'embeddings_not_supported', message: `The model '${model}' is served by provider '${route.provider.id}', which has no embeddings endpoint` })
  }
  return operation
}

/**
 * The life of an embeddings request after authentication, on the same seams as chat:
 * admit → route → (wrapUpstream: convert → upstream) → convert back → meter (input tokens,
 * through `onUsage`) → finish, exactly once. A route whose provider has no embeddings is a 400
 * naming `model`. When the provider reports no usage, the gateway's estimate is metered and the
 * request is marked `state.usageEstimated`.
 */
export async function handleEmbeddings(runtime: InferenceRuntime, dialect: EmbeddingDialect, admission: Admission, request: Request, body: Record<string, unknown>, params: Record<string, string> = {}): Promise<Response> {
  const { context, finish } = admission
  try {
    // Gateway-level routing fields (`provider`, `models`) are read and removed, as for chat.
    const routing = readRoutingPreferences(body)
    body = routing.body
    context.preferences = routing.preferences
    const target = dialect.readTarget(body, { url: request.url, params })
    // Translate first, so a malformed request is never routed, admitted against a budget or retried.
    const canonical = dialect.toCanonical(body, target)
    const route = await admitAndRoute(runtime, context, target.model, estimateInputTokens(request))
    embeddingsOf(route, target.model)
    const result = await runOperation(runtime, context, request.signal, (attempted, conversion) => {
      const operation = embeddingsOf(attempted, target.model)
      const convertError = operation.convertError ?? attempted.provider.spec.convertError
      return { converted: operation.convertRequest(canonical, conversion), endpoint: operation.endpoint, convertError }
    })
    const response = embeddingsOf(result.route, target.model).convertResponse(result.body, result.conversion)
    if (response.embeddings.length !== canonical.inputs.length) {
      throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: `Provider '${result.route.provider.id}' returned ${response.embeddings.length} embeddings for ${canonical.inputs.length} inputs` })
    }
    const reported = response.usage?.inputTokens
    const inputTokens = reported ?? estimateEmbeddingTokens(canonical)
    const usage = priceFinalUsage(context, runtime.hooks, createUsage({ noCache: inputTokens }))
    if (usage.cost !== undefined) context.responseHeaders.set(COST_HEADER, String(usage.cost))
    if (reported === undefined) void finish('ok', { estimatedUsage: usage })
    else {
      context.usage = usage
      void finish('ok')
    }
    return jsonResponse(context, dialect.renderResponse(response, { model: target.model, request: canonical, inputTokens, options: target.options }))
  } catch (error) {
    return failure(runtime, dialect.errors, context, finish, error)
  }
}
