import type { Usage } from '../canonical'
import type { GatewayError } from '../errors/gateway-error'
import type { Outcome, RequestContext } from '../plugin/gateway-plugin'
import type { HookRunner } from './create-hook-runner'

export interface FinishOptions {
  error?: GatewayError
  status?: number
  /** Usage counted by the gateway for a stream that did not finish (the upstream's final figure never came). */
  estimatedUsage?: Usage
}

/**
 * The one place a request ends. Whatever calls it first wins; later calls are ignored, so
 * `onUsage`/`onError`/`onFinish` fire exactly once per request.
 */
export function createFinisher(context: RequestContext, hooks: HookRunner) {
  let finished = false
  return function finish(outcome: Outcome, options: FinishOptions = {}): Promise<void> {
    if (finished) return Promise.resolve()
    finished = true
    if (options.estimatedUsage) {
      context.usage = options.estimatedUsage
      context.state.usageEstimated = true
    }
    const status = options.status ?? (options.error ? options.error.status : outcome === 'cancelled' ? 499 : 200)
    return (async () => {
      if (context.usage && context.route) await hooks.onUsage(context, context.usage)
      if (options.error) await hooks.onError(context, options.error)
      await hooks.onFinish(context, { outcome, usage: context.usage, error: options.error, status })
    })()
  }
}

export type Finisher = ReturnType<typeof createFinisher>
