import { defineProvider, type FetchFunction, type ModelInfo, type ProviderFactoryResult, type ProviderSettings } from '@tollgate/core'
import { AZURE_OPENAI_DEFAULT_API_VERSION, createAzureOpenAISpec } from './create-azure-openai-spec'

export interface AzureOpenAIOptions {
  /** Provider id in `id/model` names. @default 'azure' */
  id?: string
  /** Resource name: `https://{resource}.openai.azure.com`. */
  resource?: string
  /** Resource endpoint, e.g. `https://my-resource.openai.azure.com`. @default env AZURE_OPENAI_ENDPOINT */
  endpoint?: string
  /** Full base URL instead: `https://.../openai` (deployment URLs) or `https://.../openai/v1` (the v1 API). */
  baseURL?: string
  /** @default env AZURE_OPENAI_API_KEY */
  apiKey?: string
  /** Dated version for deployment URLs, or `v1`. @default env AZURE_OPENAI_API_VERSION, OPENAI_API_VERSION, else 2024-10-21 */
  apiVersion?: string
  /** Model name -> deployment name, e.g. `{ 'gpt-4o': 'prod-gpt4o' }`; a model not listed is its own deployment. */
  deployments?: Record<string, string>
  /** Extra catalogue entries (models served under their own name). */
  models?: ModelInfo[]
  headers?: Record<string, string>
  fetch?: FetchFunction
  /** Environment for the defaults above. @default the process environment */
  env?: Record<string, string | undefined>
}

function processEnvironment(): Record<string, string | undefined> {
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {}
}

/** `https://x.openai.azure.com` -> `https://x.openai.azure.com/openai`; a URL already ending in `/openai` or `/openai/v1` is kept. */
function withOpenAIPath(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined
  const trimmed = endpoint.replace(/\/+$/, '')
  return /\/openai(\/v1)?$/.test(trimmed) ? trimmed : `${trimmed}/openai`
}

/** The base URL (always ending before `/v1`) and whether it names the v1 API. */
export function resolveAzureBaseURL(options: AzureOpenAIOptions, env: Record<string, string | undefined>): { baseURL: string; v1: boolean } {
  const given = options.baseURL ?? (options.resource ? `https://${options.resource}.openai.azure.com/openai` : withOpenAIPath(options.endpoint ?? env.AZURE_OPENAI_ENDPOINT))
  if (!given) throw new Error('azureOpenAI needs `resource`, `endpoint` or `baseURL` (or AZURE_OPENAI_ENDPOINT in the environment)')
  const url = given.replace(/\/+$/, '')
  return url.endsWith('/openai/v1') ? { baseURL: url.slice(0, -'/v1'.length), v1: true } : { baseURL: url, v1: false }
}

/**
 * Azure OpenAI, ready for `providers: [...]`:
 * `azureOpenAI({ resource: 'my-resource', deployments: { 'gpt-4o': 'prod-gpt4o' } })`.
 * Key from `apiKey` or AZURE_OPENAI_API_KEY, sent as the `api-key` header.
 */
export function azureOpenAI(options: AzureOpenAIOptions = {}): ProviderFactoryResult {
  const env = options.env ?? processEnvironment()
  const { baseURL, v1 } = resolveAzureBaseURL(options, env)
  const apiVersion = v1 ? 'v1' : (options.apiVersion ?? env.AZURE_OPENAI_API_VERSION ?? env.OPENAI_API_VERSION ?? AZURE_OPENAI_DEFAULT_API_VERSION)
  const spec = createAzureOpenAISpec({ id: options.id, baseURL, apiVersion, deployments: options.deployments, models: options.models })
  const settings: ProviderSettings = {}
  if (options.apiKey !== undefined) settings.apiKey = options.apiKey
  if (options.headers !== undefined) settings.headers = options.headers
  if (options.fetch !== undefined) settings.fetch = options.fetch
  return defineProvider(spec)(settings)
}
