import { invalidRequest } from '../errors/gateway-error'
import type { RoutingPreferences } from '../plugin/gateway-plugin'

/** Most providers a `provider` list may name, and most fallback models in `models`. */
export const MAX_PREFERRED_PROVIDERS = 20
export const MAX_FALLBACK_MODELS = 10

type ProviderPreference = NonNullable<RoutingPreferences['provider']>

const PROVIDER_KEYS = new Set(['order', 'only', 'ignore', 'allow_fallbacks', 'sort'])
const SORTS = new Set(['price', 'latency'])

function readNames(value: unknown, param: string, max: number): string[] {
  if (!Array.isArray(value)) throw invalidRequest(`'${param}' must be an array of strings`, param)
  if (value.length > max) throw invalidRequest(`'${param}' may list at most ${max} entries`, param)
  const seen = new Set<string>()
  value.forEach((name, index) => {
    if (typeof name !== 'string' || name.trim() === '') throw invalidRequest(`'${param}[${index}]' must be a non-empty string`, `${param}[${index}]`)
    if (seen.has(name)) throw invalidRequest(`'${param}[${index}]' repeats '${name}'`, `${param}[${index}]`)
    seen.add(name)
  })
  return value as string[]
}

function readProvider(value: unknown): ProviderPreference {
  if (typeof value === 'string') {
    if (value.trim() === '') throw invalidRequest("'provider' must be a provider id, a list of ids or an object", 'provider')
    return { order: [value], allowFallbacks: false }
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw invalidRequest("'provider' must name at least one provider", 'provider')
    return { order: readNames(value, 'provider', MAX_PREFERRED_PROVIDERS), allowFallbacks: false }
  }
  if (typeof value !== 'object' || value === null) throw invalidRequest("'provider' must be a provider id, a list of ids or an object", 'provider')
  const object = value as Record<string, unknown>
  for (const key of Object.keys(object)) {
    if (!PROVIDER_KEYS.has(key)) throw invalidRequest(`Unsupported provider preference '${key}' (supported: ${[...PROVIDER_KEYS].join(', ')})`, `provider.${key}`)
  }
  const preference: ProviderPreference = { allowFallbacks: true }
  for (const key of ['order', 'only', 'ignore'] as const) {
    if (object[key] !== undefined) preference[key] = readNames(object[key], `provider.${key}`, MAX_PREFERRED_PROVIDERS)
  }
  if (object.allow_fallbacks !== undefined) {
    if (typeof object.allow_fallbacks !== 'boolean') throw invalidRequest("'provider.allow_fallbacks' must be a boolean", 'provider.allow_fallbacks')
    preference.allowFallbacks = object.allow_fallbacks
  }
  if (object.sort !== undefined) {
    if (typeof object.sort !== 'string' || !SORTS.has(object.sort)) throw invalidRequest("'provider.sort' must be 'price' or 'latency'", 'provider.sort')
    preference.sort = object.sort as ProviderPreference['sort']
  }
  if (!preference.allowFallbacks && !preference.order?.length) {
    throw invalidRequest("'provider.allow_fallbacks: false' needs a non-empty 'provider.order'", 'provider.allow_fallbacks')
  }
  return preference
}

/**
 * Read the gateway-level routing fields out of a client body, before any translation, so they
 * never reach the upstream (fast path or canonical path):
 * - `provider`: `"anthropic"`, `["anthropic", "openai"]` (only these, in this order), or
 *   `{ order?, only?, ignore?, allow_fallbacks? (default true), sort?: "price" | "latency" }`;
 * - `models`: fallback models tried in order after `model` (at most 10).
 * Invalid values are a 400 naming the `param`. Returns the body without those fields.
 */
export function readRoutingPreferences(body: Record<string, any>): { body: Record<string, any>; preferences?: RoutingPreferences } {
  if (body === null || typeof body !== 'object' || (!('provider' in body) && !('models' in body))) return { body }
  const { provider, models, ...rest } = body
  const preferences: RoutingPreferences = {}
  if (provider !== undefined && provider !== null) preferences.provider = readProvider(provider)
  if (models !== undefined && models !== null) {
    const names = readNames(models, 'models', MAX_FALLBACK_MODELS)
    if (names.length > 0) preferences.models = names
  }
  return { body: rest, preferences: preferences.provider || preferences.models ? preferences : undefined }
}
