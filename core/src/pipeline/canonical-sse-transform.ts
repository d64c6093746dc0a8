import { createUsage, type StreamEvent } from '../canonical'
import { GatewayError } from '../errors/gateway-error'
import type { StreamRenderer } from '../plugin/dialect'
import type { RequestContext } from '../plugin/gateway-plugin'
import type { StreamConverter } from '../plugin/provider-spec'
import type { HookRunner } from './create-hook-runner'
import { priceFinalUsage } from './price-final-usage'
import type { SseTransform } from './metered-sse-stream'

/**
 * Provider SSE → canonical events → the client's dialect. Tracks usage as it goes and counts the
 * characters generated, so an aborted stream can still be metered (as an estimate).
 */
export function createCanonicalSseTransform(options: {
  context: RequestContext
  converter: StreamConverter
  renderer: StreamRenderer
  hooks: HookRunner
}): SseTransform & { estimatedUsage(): ReturnType<typeof createUsage> } {
  const { context, converter, renderer, hooks } = options
  let terminated = false
  let error: GatewayError | undefined
  let generatedCharacters = 0

  function handle(events: StreamEvent[]): string {
    let out = ''
    for (let event of events) {
      if (terminated) break
      switch (event.type) {
        case 'text-delta':
        case 'reasoning-delta':
        case 'refusal-delta':
          generatedCharacters += event.delta.length
          break
        case 'tool-call-delta':
          generatedCharacters += event.argumentsDelta.length
          break
        case 'response-start':
          if (event.usage) context.usage = event.usage
          break
        case 'usage':
          context.usage = event.usage
          break
        case 'finish':
          // The final usage is priced before it is rendered, so the client's last usage carries `cost`.
          if (hooks.pricesUsage) event = { ...event, usage: priceFinalUsage(context, hooks, event.usage) }
          context.usage = event.usage
          terminated = true
          break
        case 'error':
          error = new GatewayError(event.error)
          terminated = true
          break
      }
      hooks.onStreamEvent(context, event)
      out += renderer.render(event)
    }
    return out
  }

  return {
    event: (event) => handle(converter.event(event)),
    end: () => handle(converter.end()),
    fail: (failure) => handle([{ type: 'error', error: failure.toJSON() }]),
    get terminated() {
      return terminated
    },
    get error() {
      return error
    },
    contentType: renderer.contentType,
    estimatedUsage() {
      const known = context.usage
      const output = Math.ceil(generatedCharacters / 4)
      return createUsage({
        noCache: known?.input.noCache,
        cacheRead: known?.input.cacheRead,
        cacheWrite: known?.input.cacheWrite,
        text: Math.max(known?.output.total ?? 0, output),
      })
    },
  }
}
