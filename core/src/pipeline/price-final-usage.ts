import type { Usage } from '../canonical'
import type { RequestContext } from '../plugin/gateway-plugin'
import type { HookRunner } from './create-hook-runner'

/** The response header carrying a JSON response's cost (decimal USD). Streams carry it in-band only. */
export const COST_HEADER = 'x-tollgate-cost'

/**
 * The final usage with its `cost` (USD) when a plugin prices it; otherwise the same object.
 * No pricing plugin: nothing is called, nothing allocated.
 */
export function priceFinalUsage(context: RequestContext, hooks: HookRunner, usage: Usage): Usage {
  if (!hooks.pricesUsage) return usage
  const cost = hooks.priceUsage(context, usage)
  return cost === undefined ? usage : { ...usage, cost }
}
