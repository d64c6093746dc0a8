import { createProvider, type ModelCatalog, type ModelInfo, type Provider, type Route } from '@tollgate/core'
import type { DeploymentConfig, RetryPolicy, RouteConfig, Strategy } from './routing-options'

/** One upstream that serves requests: the core route to call plus what routing needs to know of it. */
export interface Deployment {
  id: string
  route: Route
  price?: { input: number; output: number }
  limits?: { rpm?: number; tpm?: number }
  /** Base URL without credentials or query (admin view). */
  baseURL: string
  /** Uses its own API key or base URL rather than the provider's. */
  custom: boolean
}

/** A deployment's place in one route. */
export interface RouteMember {
  deployment: Deployment
  weight: number
  priority: number
}

export interface RouteEntry {
  name: string
  /** Where the route was defined; `catalog` = a model served without a route (one deployment). */
  source: 'config' | 'environment' | 'catalog'
  strategy: Strategy
  members: RouteMember[]
  contextFallback?: string
  retry: RetryPolicy
}

export interface NamedRouteConfig {
  name: string
  config: RouteConfig
  source: 'config' | 'environment'
}

const MAX_CATALOG_ROUTES = 1000

function displayURL(baseURL: string): string {
  try {
    const url = new URL(baseURL)
    return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '')
  } catch {
    return '(invalid URL)'
  }
}

/**
 * Routes by public model name. Deployments are shared by identity (provider, model, base URL,
 * key), so a broken upstream trips one breaker for every route that uses it. A model that is not
 * a route is served through the catalogue as a one-deployment route with the same resilience.
 */
export function createRouteTable(options: { routes: NamedRouteConfig[]; providers: Provider[]; catalog: ModelCatalog; env: Record<string, string | undefined>; retry: RetryPolicy }) {
  const providers = new Map(options.providers.map((provider) => [provider.id, provider]))
  const byIdentity = new Map<string, Deployment>()
  const byId = new Map<string, { deployment: Deployment; settings: string }>()
  const routes = new Map<string, RouteEntry>()
  const catalogRoutes = new Map<string, RouteEntry>()

  function register(identity: string, settings: string, preferredId: string, explicit: boolean, build: (id: string) => Deployment, where: string): Deployment {
    const shared = byIdentity.get(identity)
    if (shared && byId.get(shared.id)!.settings === settings && (!explicit || shared.id === preferredId)) return shared
    let id = preferredId
    for (let n = 2; byId.has(id); n++) {
      if (explicit) throw new Error(`${where}: the deployment id '${preferredId}' is already used by another deployment`)
      id = `${preferredId}#${n}`
    }
    const deployment = build(id)
    byId.set(id, { deployment, settings })
    if (!shared) byIdentity.set(identity, deployment)
    return deployment
  }

  function configuredDeployment(config: DeploymentConfig, where: string): Deployment {
    const base = providers.get(config.provider)
    if (!base) throw new Error(`${where}: provider '${config.provider}' is not configured (configured: ${[...providers.keys()].join(', ') || 'none'})`)
    const envKey = config.apiKeyEnv ? options.env[config.apiKeyEnv] : undefined
    if (config.apiKeyEnv && !envKey) throw new Error(`${where}: the environment variable ${config.apiKeyEnv} (apiKeyEnv) is not set`)
    const apiKey = config.apiKey ?? envKey
    const custom = apiKey !== undefined || config.baseURL !== undefined || config.headers !== undefined
    const provider: Provider = custom
      ? {
          ...createProvider({ kind: 'provider', spec: base.spec, settings: { apiKey: apiKey ?? base.apiKey, baseURL: config.baseURL ?? base.baseURL, headers: { ...base.headers, ...config.headers }, fetch: base.fetch } }, {}),
          models: base.models,
        }
      : base
    const known = base.models.find((model) => model.id === config.model)
    const model: ModelInfo | undefined = config.contextWindow ? { ...(known ?? { id: config.model }), contextWindow: config.contextWindow } : known
    const identity = JSON.stringify([base.id, config.model, provider.baseURL, provider.apiKey ?? '', provider.headers])
    const settings = JSON.stringify([config.limits ?? null, config.price ?? null, config.contextWindow ?? null])
    const defaultId = `${base.id}/${config.model}${config.baseURL ? `@${new URL(provider.baseURL).host}` : ''}`
    return register(identity, settings, config.id ?? defaultId, config.id !== undefined, (id) => ({
      id,
      route: { provider, upstreamModel: config.model, model },
      price: config.price,
      limits: config.limits,
      baseURL: displayURL(provider.baseURL),
      custom,
    }), where)
  }

  for (const { name, config, source } of options.routes) {
    const members = config.deployments.map((deployment, index) => ({
      deployment: configuredDeployment(deployment, `Route '${name}', deployment ${index}`),
      weight: deployment.weight ?? 1,
      priority: deployment.priority ?? index,
    }))
    routes.set(name, { name, source, strategy: config.strategy ?? 'priority', members, contextFallback: config.contextFallback, retry: { ...options.retry, ...config.retry } })
  }

  /** A model that is not a route: one deployment from the catalogue (404 `model_not_found` when unknown). */
  function catalogRoute(model: string): RouteEntry {
    const cached = catalogRoutes.get(model)
    if (cached) return cached
    const route = options.catalog.resolve(model)
    const identity = JSON.stringify([route.provider.id, route.upstreamModel, route.provider.baseURL, route.provider.apiKey ?? '', route.provider.headers])
    const deployment =
      byIdentity.get(identity) ??
      register(identity, JSON.stringify([null, null, null]), `${route.provider.id}/${route.upstreamModel}`, false, (id) => ({ id, route, baseURL: displayURL(route.provider.baseURL), custom: false }), model)
    if (catalogRoutes.size >= MAX_CATALOG_ROUTES) catalogRoutes.delete(catalogRoutes.keys().next().value!)
    const entry: RouteEntry = { name: model, source: 'catalog', strategy: 'priority', members: [{ deployment, weight: 1, priority: 0 }], retry: options.retry }
    catalogRoutes.set(model, entry)
    return entry
  }

  for (const entry of routes.values()) {
    const target = entry.contextFallback
    if (target === undefined || routes.has(target)) continue
    try {
      catalogRoute(target)
    } catch {
      throw new Error(`Route '${entry.name}': contextFallback '${target}' is neither a route nor a known model`)
    }
  }

  return {
    /** The route serving a public model name. */
    resolve: (model: string): RouteEntry => routes.get(model) ?? catalogRoute(model),
    /** Configured routes, then the catalogue models served so far. */
    list: (): RouteEntry[] => [...routes.values(), ...catalogRoutes.values()],
    providerIds: () => [...providers.keys()],
  }
}

export type RouteTable = ReturnType<typeof createRouteTable>
