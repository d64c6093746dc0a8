import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/**
 * Mistral (https://docs.mistral.ai/api). Its API forbids unknown fields (422 `extra_forbidden`):
 * `max_completion_tokens` is sent as `max_tokens`, `seed` as `random_seed`, OpenAI-only hints are
 * dropped with a warning, and no `stream_options` (usage comes on the last chunk anyway).
 * Reasoning models answer with content-part arrays, read as `reasoning_content` + text.
 */
export const mistralPreset: OpenAICompatibleOptions = {
  id: 'mistral',
  name: 'Mistral',
  baseURL: 'https://api.mistral.ai/v1',
  apiKeyEnv: 'MISTRAL_API_KEY',
  baseURLEnv: 'MISTRAL_BASE_URL',
  modelPrefixes: ['mistral-', 'magistral-', 'codestral-', 'devstral-', 'ministral-', 'pixtral-', 'open-mistral-', 'open-mixtral-'],
  renames: { max_completion_tokens: 'max_tokens', seed: 'random_seed' },
  drops: ['user', 'metadata', 'store', 'service_tier', 'prompt_cache_key', 'safety_identifier'],
  supportsStreamUsage: false,
  models: [
    { id: 'mistral-large-latest', type: 'chat', capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'mistral-medium-latest', type: 'chat', capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'mistral-small-latest', type: 'chat', capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'magistral-medium-latest', type: 'chat', capabilities: ['tools', 'reasoning'] },
    { id: 'magistral-small-latest', type: 'chat', capabilities: ['tools', 'reasoning'] },
    { id: 'codestral-latest', type: 'chat', capabilities: ['tools'] },
    { id: 'devstral-medium-latest', type: 'chat', capabilities: ['tools'] },
    { id: 'ministral-8b-latest', type: 'chat', capabilities: ['tools'] },
  ],
}

export const mistral = defineOpenAICompatible(mistralPreset)
