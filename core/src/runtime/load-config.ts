import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { GatewayConfig } from '../config/define-config'
import type { GatewayPlugin } from '../plugin/gateway-plugin'
import type { ProviderFactory, ProviderFactoryResult } from '../plugin/provider-spec'

/** Provider packages enabled automatically when their API key is in the environment. */
const DEFAULT_PROVIDER_PACKAGES = ['@tollgate/provider-openai', '@tollgate/provider-anthropic', '@tollgate/provider-gemini']
/** Packages that find their own providers in the environment: `discover(env)` returns the enabled ones (presets, Azure). */
const DISCOVERING_PACKAGES = ['@tollgate/provider-openai-compatible']
const MOCK_PACKAGE = '@tollgate/provider-mock'
/**
 * Platform plugins enabled when the config lists none, in hook order (each package's default
 * export is a factory): accounts and keys on the embedded store, rate limits (before billing, so a
 * refused request reserves nothing), billing (prices, prepaid balances, usage records; it reserves
 * around routing's retries), then routing (retries, breaker, and the routes of TOLLGATE_ROUTES).
 */
const DEFAULT_PLUGIN_PACKAGES = ['@tollgate/keys', '@tollgate/ratelimit', '@tollgate/billing', '@tollgate/routing']

async function importOptional(name: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(name)) as Record<string, unknown>
  } catch {
    return undefined
  }
}

function findFactory(module: Record<string, unknown>): ProviderFactory | undefined {
  return Object.values(module).find((value): value is ProviderFactory => typeof value === 'function' && 'spec' in value)
}

/** Zero-config providers: each installed provider package with its key set, the OpenAI-compatible presets found in the environment, plus the offline mock. */
export async function discoverProviders(env: Record<string, string | undefined>): Promise<ProviderFactoryResult[]> {
  const found: ProviderFactoryResult[] = []
  for (const name of DEFAULT_PROVIDER_PACKAGES) {
    const module = await importOptional(name)
    const factory = module && findFactory(module)
    if (factory?.spec.env?.apiKey && env[factory.spec.env.apiKey]) found.push(factory())
  }
  for (const name of DISCOVERING_PACKAGES) {
    const module = await importOptional(name)
    if (typeof module?.discover === 'function') found.push(...(module.discover as (env: Record<string, string | undefined>) => ProviderFactoryResult[])(env))
  }
  const mock = await importOptional(MOCK_PACKAGE)
  if (mock && typeof mock.mock === 'function') found.push((mock.mock as () => ProviderFactoryResult)())
  return found
}

/** Zero-config plugins: each installed default plugin package (accounts and keys on the embedded store). */
export async function discoverPlugins(): Promise<GatewayPlugin[]> {
  const found: GatewayPlugin[] = []
  for (const name of DEFAULT_PLUGIN_PACKAGES) {
    const module = await importOptional(name)
    if (typeof module?.default === 'function') found.push((module.default as () => GatewayPlugin)())
  }
  return found
}

/** `tollgate.config.ts` (or TOLLGATE_CONFIG) merged over zero-config defaults. */
export async function loadConfig(env: Record<string, string | undefined>, cwd = '.'): Promise<GatewayConfig> {
  const file = resolve(cwd, env.TOLLGATE_CONFIG ?? 'tollgate.config.ts')
  let config: GatewayConfig = {}
  if (existsSync(file)) config = ((await import(pathToFileURL(file).href)) as { default: GatewayConfig }).default ?? {}
  else if (env.TOLLGATE_CONFIG) throw new Error(`Config file not found: ${file}`)
  return { ...config, env: config.env ?? env, providers: config.providers ?? (await discoverProviders(env)), plugins: config.plugins ?? (await discoverPlugins()) }
}
