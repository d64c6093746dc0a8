import type { Provider, ProviderFactoryResult } from '../plugin/provider-spec'

/** Resolve a configured provider against the environment: credentials, base URL, catalogue. */
export function createProvider(entry: ProviderFactoryResult, env: Record<string, string | undefined>): Provider {
  const { spec, settings } = entry
  const baseURL = settings.baseURL ?? (spec.env?.baseURL ? env[spec.env.baseURL] : undefined) ?? spec.defaultBaseURL
  return {
    spec,
    id: spec.id,
    apiKey: settings.apiKey ?? (spec.env?.apiKey ? env[spec.env.apiKey] : undefined),
    baseURL: baseURL.replace(/\/+$/, ''),
    headers: { ...spec.headers, ...settings.headers },
    fetch: settings.fetch,
    models: [...spec.models, ...(settings.models ?? [])],
  }
}

/** A provider is usable when it needs no key or has one. */
export function hasCredentials(provider: Provider): boolean {
  return provider.spec.auth.type === 'none' || Boolean(provider.apiKey)
}
