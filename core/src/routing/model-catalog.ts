import { GatewayError } from '../errors/gateway-error'
import type { Route } from '../plugin/gateway-plugin'
import type { Provider } from '../plugin/provider-spec'

/**
 * Model id → route. `provider/model` is explicit; a bare id resolves through the aliases, then
 * the providers' known ids, then their prefixes (in provider order).
 */
export function createModelCatalog(providers: Provider[], aliases: Record<string, string> = {}) {
  const byId = new Map<string, Provider>()
  const exact = new Map<string, Route>()
  for (const provider of providers) {
    byId.set(provider.id, provider)
    for (const model of provider.models) {
      if (!exact.has(model.id)) exact.set(model.id, { provider, upstreamModel: model.id, model })
    }
  }

  function resolveExplicit(name: string): Route | undefined {
    const slash = name.indexOf('/')
    if (slash <= 0) return undefined
    const provider = byId.get(name.slice(0, slash))
    if (!provider) return undefined
    const upstreamModel = name.slice(slash + 1)
    return { provider, upstreamModel, model: provider.models.find((model) => model.id === upstreamModel) }
  }

  function resolveBare(name: string): Route | undefined {
    const known = exact.get(name)
    if (known) return known
    for (const provider of providers) {
      if (provider.spec.modelPrefixes?.some((prefix) => name.startsWith(prefix))) {
        return { provider, upstreamModel: name, model: undefined }
      }
    }
    return undefined
  }

  function resolve(name: string): Route {
    const target = aliases[name] ?? name
    const route = resolveExplicit(target) ?? resolveBare(target)
    if (!route) {
      throw new GatewayError({
        status: 404,
        message: `The model '${name}' does not exist or is not served by this gateway`,
        param: 'model',
        code: 'model_not_found',
      })
    }
    return route
  }

  return { resolve, providers, aliases }
}

export type ModelCatalog = ReturnType<typeof createModelCatalog>
