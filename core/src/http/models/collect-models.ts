import { hasScope } from '../../auth/has-scope'
import { matchesAny } from '../../auth/match-pattern'
import { GatewayError } from '../../errors/gateway-error'
import type { GatewayPlugin, ListedModel, ModelDescription, Principal } from '../../plugin/gateway-plugin'
import type { ModelCatalog } from '../../routing/model-catalog'

/**
 * Every model the gateway serves by name: each provider's catalogue as `provider/model`, then the
 * config aliases (under their alias name, described by the model they stand for). Models reached
 * only by an id prefix are not listed (there is no catalogue entry to describe).
 */
export function collectModels(catalog: ModelCatalog): ListedModel[] {
  const models: ListedModel[] = []
  const seen = new Set<string>()
  const add = (model: ListedModel) => {
    if (seen.has(model.id)) return
    seen.add(model.id)
    models.push(model)
  }
  for (const provider of catalog.providers) {
    for (const info of provider.models) add({ id: `${provider.id}/${info.id}`, provider: provider.id, upstreamModel: info.id, info })
  }
  for (const alias of Object.keys(catalog.aliases)) {
    try {
      const route = catalog.resolve(alias)
      add({ id: alias, provider: route.provider.id, upstreamModel: route.upstreamModel, info: route.model ?? { id: route.upstreamModel }, aliasOf: `${route.provider.id}/${route.upstreamModel}` })
    } catch {
      // An alias to nothing the gateway serves is not listed.
    }
  }
  return models
}

/** The names a listed model answers to, as the keys plugin's allowlist check sees a request for it. */
const namesOf = (model: ListedModel) => (model.aliasOf ? [model.id, model.aliasOf, model.upstreamModel] : [model.id, model.upstreamModel])

/** Listing needs the `models:read` scope; a key with a model allowlist sees only the models it may use. */
export function visibleModels(models: ListedModel[], principal: Principal | undefined): ListedModel[] {
  if (!principal) throw new GatewayError({ status: 401, message: 'Missing or invalid API key', code: 'invalid_api_key' })
  if (!hasScope(principal, 'models:read')) throw new GatewayError({ status: 403, code: 'insufficient_scope', message: 'This key lacks the scope models:read' })
  const allowlist = principal.models
  return allowlist ? models.filter((model) => matchesAny(allowlist, namesOf(model))) : models
}

/** One visible model by any name it is known by (`provider/model`, alias, bare catalogue id); else a 404. */
export function findModel(models: ListedModel[], name: string, catalog: ModelCatalog): ListedModel {
  const found =
    models.find((model) => model.id === name) ??
    (() => {
      try {
        const route = catalog.resolve(name)
        return models.find((model) => model.id === `${route.provider.id}/${route.upstreamModel}`)
      } catch {
        return undefined
      }
    })()
  if (!found) throw new GatewayError({ status: 404, param: 'model', code: 'model_not_found', message: `The model '${name}' does not exist or is not available to this key` })
  return found
}

/** The fields plugins add to a model's entry (`describeModel`, e.g. billing's `pricing`); a failing plugin adds nothing. */
export function describeModel(model: ListedModel, plugins: GatewayPlugin[], logger: Pick<Console, 'error'>): ModelDescription {
  const description: ModelDescription = {}
  for (const plugin of plugins) {
    if (!plugin.describeModel) continue
    try {
      Object.assign(description, plugin.describeModel(model))
    } catch (error) {
      logger.error(`[tollgate] ${plugin.name}.describeModel failed:`, error)
    }
  }
  return description
}
