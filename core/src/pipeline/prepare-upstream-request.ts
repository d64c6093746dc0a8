import { GatewayError } from '../errors/gateway-error'
import type { Dialect, RequestTarget } from '../plugin/dialect'
import type { RequestContext, Route } from '../plugin/gateway-plugin'
import type { ConversionContext } from '../plugin/provider-spec'
import { applyRenames } from '../upstream/apply-renames'
import type { HookRunner } from './create-hook-runner'

export interface PreparedUpstreamRequest {
  path: string
  body: string
  headers?: Record<string, string>
}

/** Header values must be ASCII on one line. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, ' ')

/**
 * Build the upstream body: on the fast path the client's own body with the provider's small
 * adjustments; otherwise client dialect → canonical → (plugins) → provider format.
 */
export async function prepareUpstreamRequest(options: {
  context: RequestContext
  route: Route
  dialect: Dialect
  body: Record<string, unknown>
  target: RequestTarget
  fastPath: boolean
  conversion: ConversionContext
  hooks: HookRunner
  request: Request
}): Promise<PreparedUpstreamRequest> {
  const { context, dialect, body, conversion, hooks } = options
  const spec = options.route.provider.spec
  if (options.fastPath) {
    const headers: Record<string, string> = {}
    for (const name of spec.passthroughHeaders ?? []) {
      const value = options.request.headers.get(name)
      if (value !== null) headers[name] = value
    }
    const path = spec.passthroughPath?.(conversion, context.stream) ?? spec.endpoints.chat
    return { path, body: JSON.stringify(spec.preparePassthroughBody!(body, conversion)), headers }
  }

  const canonical = await ensureCanonical(context, dialect, { body, headers: options.request.headers, target: options.target }, hooks)
  const converted = spec.convertRequest(canonical, conversion)
  if (converted.warnings?.length) {
    context.responseHeaders.set('x-tollgate-warnings', headerSafe(converted.warnings.map((warning) => `${warning.param}: ${warning.message}`).join('; ')))
  }
  applyRenames(converted.body, spec.renames)
  let serialized: string
  try {
    serialized = JSON.stringify(converted.body)
  } catch {
    throw new GatewayError({ status: 400, message: 'The request could not be serialised for the provider' })
  }
  return { path: converted.path ?? spec.endpoints.chat, body: serialized, headers: converted.headers }
}

/** The canonical request, built (and passed through `transformRequest` hooks) once per request. */
export async function ensureCanonical(context: RequestContext, dialect: Dialect, client: { body: Record<string, unknown>; headers: Headers; target: RequestTarget }, hooks: HookRunner) {
  context.canonical ??= await hooks.transformRequest(context, dialect.toCanonical(client.body, client.headers, client.target))
  return context.canonical
}
