import { GatewayError } from '../errors/gateway-error'
import type { RequestContext, Route } from '../plugin/gateway-plugin'
import type { ConversionContext } from '../plugin/provider-spec'
import { createOperationAttempt, type OperationRequest } from './create-operation-attempt'
import type { InferenceRuntime } from './handle-inference'
import { servedAttemptOf } from './served-attempts'

/**
 * The steps every model call shares before the upstream: the model asked for, the admission
 * estimate, `admit` hooks, then the route (`resolveRoute` hooks, else the catalogue).
 */
export async function admitAndRoute(runtime: InferenceRuntime, context: RequestContext, model: string, inputTokens: number): Promise<Route> {
  context.model = model
  context.stream = false
  context.estimate = { inputTokens }
  await runtime.hooks.admit(context)
  context.route = (await runtime.hooks.resolveRoute(context)) ?? runtime.catalog.resolve(context.model)
  return context.route
}

export interface OperationResult {
  route: Route
  conversion: ConversionContext
  /** The provider's JSON answer (or the gateway's own, for a local answer). */
  body: unknown
  /** The response headers of the answer (a local answer marks itself there). */
  headers: Headers
}

/**
 * One non-chat operation through `wrapUpstream` (retries, fallbacks and breakers apply), then the
 * served route named in the response headers and the JSON answer read whole.
 */
export async function runOperation(
  runtime: InferenceRuntime,
  context: RequestContext,
  signal: AbortSignal,
  prepare: (route: Route, conversion: ConversionContext) => OperationRequest | Response,
): Promise<OperationResult> {
  const response = await runtime.hooks.wrapUpstream(context, createOperationAttempt({ context, signal, prepare }))
  const served = servedAttemptOf(response)
  const route = served?.route ?? context.route!
  context.route = route
  context.responseHeaders.set('x-tollgate-provider', route.provider.id)
  context.responseHeaders.set('x-tollgate-upstream-model', route.upstreamModel)
  context.responseHeaders.set('x-tollgate-attempts', String(context.attempts))
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: `Provider '${route.provider.id}' returned a response that is not valid JSON` })
  }
  return { route, conversion: served?.conversion ?? { modelId: route.upstreamModel, model: route.model }, body, headers: response.headers }
}

/** A JSON response carrying the request's response headers (request id, provider, rate limits, ...). */
export function jsonResponse(context: RequestContext, body: unknown): Response {
  context.responseHeaders.set('content-type', 'application/json')
  return new Response(JSON.stringify(body), { status: 200, headers: context.responseHeaders })
}
