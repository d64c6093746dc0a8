import type { CanonicalRequest, StreamEvent, Usage } from '../canonical'
import type { GatewayError } from '../errors/gateway-error'
import type { FinishInfo, GatewayHooks, GatewayPlugin, Principal, RequestContext, Route, UpstreamCall } from '../plugin/gateway-plugin'

type Logger = Pick<Console, 'error'>

/** Collect each hook of every plugin once, in plugin order, so a request only walks what exists. */
export function createHookRunner(plugins: GatewayPlugin[], logger: Logger) {
  const collect = <K extends keyof GatewayHooks>(name: K) =>
    plugins.flatMap((plugin) => {
      const hook = plugin.hooks?.[name]
      return hook ? [{ plugin: plugin.name, hook: hook.bind(plugin.hooks) as NonNullable<GatewayHooks[K]> }] : []
    })

  const authenticateHooks = collect('authenticate')
  const admitHooks = collect('admit')
  const routeHooks = collect('resolveRoute')
  const transformHooks = collect('transformRequest')
  const wrapHooks = collect('wrapUpstream')
  const streamEventHooks = collect('onStreamEvent')
  const priceHooks = collect('priceUsage')
  const usageHooks = collect('onUsage')
  const errorHooks = collect('onError')
  const finishHooks = collect('onFinish')

  /** Observers never break a request: their failures are logged. */
  async function observe(name: string, plugin: string, run: () => unknown) {
    try {
      await run()
    } catch (error) {
      logger.error(`[tollgate] ${plugin}.${name} failed:`, error)
    }
  }

  return {
    /** True when some plugin needs the canonical form (the fast path is then off). */
    needsCanonical: transformHooks.length > 0 || streamEventHooks.length > 0,
    /** True when some plugin prices usage (responses then carry the cost). */
    pricesUsage: priceHooks.length > 0,

    async authenticate(context: RequestContext, credential: string | undefined): Promise<Principal | undefined> {
      for (const { hook } of authenticateHooks) {
        const principal = await hook(context, credential)
        if (principal) return principal
      }
      return undefined
    },
    async admit(context: RequestContext) {
      for (const { hook } of admitHooks) await hook(context)
    },
    async resolveRoute(context: RequestContext): Promise<Route | undefined> {
      for (const { hook } of routeHooks) {
        const route = await hook(context)
        if (route) return route
      }
      return undefined
    },
    async transformRequest(context: RequestContext, request: CanonicalRequest): Promise<CanonicalRequest> {
      let current = request
      for (const { hook } of transformHooks) current = (await hook(context, current)) ?? current
      return current
    },
    wrapUpstream(context: RequestContext, call: UpstreamCall): Promise<Response> {
      let next = call
      for (let i = wrapHooks.length - 1; i >= 0; i--) {
        const { hook } = wrapHooks[i]
        const inner = next
        next = () => hook(context, inner)
      }
      return next()
    },
    onStreamEvent(context: RequestContext, event: StreamEvent) {
      for (const { hook, plugin } of streamEventHooks) {
        try {
          hook(context, event)
        } catch (error) {
          logger.error(`[tollgate] ${plugin}.onStreamEvent failed:`, error)
        }
      }
    },
    /** The cost of the final usage in USD (first plugin that prices it); a failing pricer is logged and skipped. */
    priceUsage(context: RequestContext, usage: Usage): number | undefined {
      for (const { hook, plugin } of priceHooks) {
        try {
          const cost = hook(context, usage)
          if (typeof cost === 'number' && Number.isFinite(cost)) return cost
        } catch (error) {
          logger.error(`[tollgate] ${plugin}.priceUsage failed:`, error)
        }
      }
      return undefined
    },
    async onUsage(context: RequestContext, usage: Usage) {
      for (const { hook, plugin } of usageHooks) await observe('onUsage', plugin, () => hook(context, usage))
    },
    async onError(context: RequestContext, error: GatewayError) {
      for (const { hook, plugin } of errorHooks) await observe('onError', plugin, () => hook(context, error))
    },
    async onFinish(context: RequestContext, info: FinishInfo) {
      for (const { hook, plugin } of finishHooks) await observe('onFinish', plugin, () => hook(context, info))
    },
  }
}

export type HookRunner = ReturnType<typeof createHookRunner>
