import type { Dialect } from '../plugin/dialect'
import type { RequestContext, Route, UpstreamCall } from '../plugin/gateway-plugin'
import type { ConversionContext } from '../plugin/provider-spec'
import { callUpstream, upstreamError } from '../upstream/call-upstream'
import type { HookRunner } from './create-hook-runner'
import { prepareUpstreamRequest } from './prepare-upstream-request'

/** The same-format fast path: the provider speaks the client's dialect and no plugin needs the canonical form. */
export function takesFastPath(route: Route, dialect: Dialect, hooks: HookRunner): boolean {
  const spec = route.provider.spec
  return spec.wireFormat === dialect.id && spec.preparePassthroughBody !== undefined && !hooks.needsCanonical
}

/** How a successful attempt was made: the route it went to and whether it took the fast path. */
export interface ServedAttempt {
  route: Route
  fastPath: boolean
  conversion: ConversionContext
}

/**
 * The upstream call handed to `wrapUpstream` hooks. Each attempt converts the request for its
 * route's provider (the canonical form is built once per request), calls it, and maps failures
 * to GatewayErrors; `served(response)` tells how a successful response was obtained.
 */
export function createUpstreamAttempt(options: {
  context: RequestContext
  dialect: Dialect
  body: Record<string, unknown>
  request: Request
  hooks: HookRunner
  signal: AbortSignal
}) {
  const { context, dialect, hooks } = options
  const servedBy = new WeakMap<Response, ServedAttempt>()

  const attempt: UpstreamCall = async ({ route = context.route!, signal } = {}) => {
    const fastPath = takesFastPath(route, dialect, hooks)
    const conversion: ConversionContext = { modelId: route.upstreamModel, model: route.model }
    const prepared = await prepareUpstreamRequest({ context, route, dialect, body: options.body, fastPath, conversion, hooks, request: options.request })
    context.attempts++
    const response = await callUpstream({
      provider: route.provider,
      path: prepared.path,
      body: prepared.body,
      headers: prepared.headers,
      signal: signal ? AbortSignal.any([options.signal, signal]) : options.signal,
    })
    if (!response.ok) throw await upstreamError(route.provider, response)
    servedBy.set(response, { route, fastPath, conversion })
    return response
  }

  return { attempt, served: (response: Response) => servedBy.get(response) }
}
