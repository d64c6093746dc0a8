import type { Dialect, RequestTarget } from '../plugin/dialect'
import type { RequestContext, Route, UpstreamCall } from '../plugin/gateway-plugin'
import { selectWireFormat, type ConversionContext, type Provider, type ProviderSpecV1 } from '../plugin/provider-spec'
import { callUpstream, upstreamError } from '../upstream/call-upstream'
import type { HookRunner } from './create-hook-runner'
import { prepareUpstreamRequest } from './prepare-upstream-request'
import { recordServedAttempt, servedAttemptOf } from './served-attempts'

/** The same-format fast path: the provider speaks the client's dialect and no plugin needs the canonical form. */
export function takesFastPath(route: Route, dialect: Dialect, hooks: HookRunner, target: RequestTarget): boolean {
  const spec = selectWireFormat(route.provider.spec, dialect.id)
  return spec.wireFormat === dialect.id && spec.preparePassthroughBody !== undefined && !hooks.needsCanonical && dialect.canPassThrough?.(target) !== false
}

const formatProviders = new WeakMap<Provider, Map<ProviderSpecV1, Provider>>()

/**
 * The route as served to a client of `dialect`: when its provider also speaks the client's wire
 * format (`alternateFormats`), the provider with that format's spec (one object per provider and
 * format). Conversion, the upstream call and error mapping all follow the route's spec.
 */
export function routeForDialect(route: Route, dialect: Dialect): Route {
  const spec = selectWireFormat(route.provider.spec, dialect.id)
  if (spec === route.provider.spec) return route
  let byFormat = formatProviders.get(route.provider)
  if (!byFormat) formatProviders.set(route.provider, (byFormat = new Map()))
  let provider = byFormat.get(spec)
  if (!provider) byFormat.set(spec, (provider = { ...route.provider, spec }))
  return { ...route, provider }
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
 * to GatewayErrors; `served(response)` tells how a successful response was obtained (its route
 * carries the provider spec of the wire format used).
 */
export function createUpstreamAttempt(options: {
  context: RequestContext
  dialect: Dialect
  body: Record<string, unknown>
  target: RequestTarget
  request: Request
  hooks: HookRunner
  signal: AbortSignal
}) {
  const { context, dialect, hooks } = options
  const attempt: UpstreamCall = async ({ route: requested = context.route!, signal } = {}) => {
    const route = routeForDialect(requested, dialect)
    const fastPath = takesFastPath(route, dialect, hooks, options.target)
    const conversion: ConversionContext = { modelId: route.upstreamModel, model: route.model }
    const prepared = await prepareUpstreamRequest({ context, route, dialect, body: options.body, target: options.target, fastPath, conversion, hooks, request: options.request })
    context.attempts++
    const response = await callUpstream({
      provider: route.provider,
      path: prepared.path,
      body: prepared.body,
      headers: prepared.headers,
      signal: signal ? AbortSignal.any([options.signal, signal]) : options.signal,
    })
    if (!response.ok) throw await upstreamError(route.provider, response)
    recordServedAttempt(response, { route, fastPath, conversion })
    return response
  }

  return { attempt, served: servedAttemptOf }
}
