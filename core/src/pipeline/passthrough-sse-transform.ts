import { createUsage, type Usage } from '../canonical'
import { GatewayError } from '../errors/gateway-error'
import type { Dialect, RenderContext } from '../plugin/dialect'
import type { RequestContext } from '../plugin/gateway-plugin'
import { encodeSse } from '../sse/encode-sse'
import type { SseTransform } from './metered-sse-stream'

/**
 * Same-format fast path: the provider already speaks the client's dialect. Events are forwarded
 * verbatim (event name and data untouched); the dialect's tap reads usage and errors on the side.
 */
export function createPassthroughSseTransform(options: {
  context: RequestContext
  dialect: Dialect
  renderContext: RenderContext
}): SseTransform & { estimatedUsage(): Usage } {
  const { context, dialect, renderContext } = options
  const tap = dialect.createTap(renderContext)
  let terminated = false
  let error: GatewayError | undefined
  let forwarded = 0

  const terminal = (failure: GatewayError) => {
    error = failure
    terminated = true
    return dialect.createStreamRenderer(renderContext).render({ type: 'error', error: failure.toJSON() })
  }

  return {
    event(event) {
      const result = tap.tap(event)
      if (result.usage) context.usage = result.usage
      if (result.error) {
        error = new GatewayError({ status: result.error.status, message: result.error.message, type: 'upstream_error' })
        terminated = true
      } else if (result.done) {
        terminated = true
      }
      if (result.drop) return ''
      forwarded++
      return encodeSse(result.data ?? event.data, event.event)
    },
    end: () =>
      terminal(new GatewayError({ status: 502, type: 'upstream_error', code: 'stream_truncated', message: 'Upstream stream ended before completion' })),
    fail: terminal,
    get terminated() {
      return terminated
    },
    get error() {
      return error
    },
    /** Without parsing deltas the best estimate is about one token per forwarded event. */
    estimatedUsage: () =>
      createUsage({
        noCache: context.usage?.input.noCache,
        cacheRead: context.usage?.input.cacheRead,
        cacheWrite: context.usage?.input.cacheWrite,
        text: Math.max(context.usage?.output.total ?? 0, forwarded),
      }),
  }
}
