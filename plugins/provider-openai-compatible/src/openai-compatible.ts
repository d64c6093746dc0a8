import { defineProvider, type ProviderFactory, type ProviderFactoryResult, type ProviderSettings } from '@tollgate/core'
import { createOpenAICompatibleSpec } from './create-openai-compatible-spec'
import type { OpenAICompatibleOptions } from './openai-compatible-options'

/** Declare an OpenAI-compatible provider package or preset: `export const groq = defineOpenAICompatible({...})`, used as `groq({ apiKey })`. */
export function defineOpenAICompatible(options: OpenAICompatibleOptions): ProviderFactory {
  return defineProvider(createOpenAICompatibleSpec(options))
}

/**
 * Any OpenAI-compatible server, configured in place:
 * `openAICompatible({ id: 'gpu-box', baseURL: 'http://gpu:8000/v1', apiKey, models: [{ id: 'qwen3' }] })`.
 * The key comes from `apiKey`, else from the variable named by `apiKeyEnv`; `fetch` replaces the transport.
 */
export function openAICompatible(options: OpenAICompatibleOptions & Pick<ProviderSettings, 'apiKey' | 'fetch'>): ProviderFactoryResult {
  const { apiKey, fetch, ...spec } = options
  const settings: ProviderSettings = {}
  if (apiKey !== undefined) settings.apiKey = apiKey
  if (fetch !== undefined) settings.fetch = fetch
  return defineOpenAICompatible(spec)(settings)
}
