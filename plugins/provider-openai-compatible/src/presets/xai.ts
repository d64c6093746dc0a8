import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/**
 * xAI (https://docs.x.ai). Takes `max_completion_tokens` and `stream_options` (usage arrives as a
 * separate `choices: []` chunk); reasoning models stream `reasoning_content`, and their
 * `completion_tokens` leave the reasoning tokens out (total = prompt + completion + reasoning).
 * Reasoning models reject some sampling fields (`presence_penalty`, `stop`, ...) with their own 400.
 */
export const xaiPreset: OpenAICompatibleOptions = {
  id: 'xai',
  name: 'xAI',
  baseURL: 'https://api.x.ai/v1',
  apiKeyEnv: 'XAI_API_KEY',
  baseURLEnv: 'XAI_BASE_URL',
  modelPrefixes: ['grok-'],
  usageExcludesReasoning: true,
  models: [
    { id: 'grok-4', type: 'chat', contextWindow: 256_000, capabilities: ['tools', 'vision', 'reasoning', 'json_schema'] },
    { id: 'grok-4-fast-reasoning', type: 'chat', contextWindow: 2_000_000, capabilities: ['tools', 'vision', 'reasoning', 'json_schema'] },
    { id: 'grok-4-fast-non-reasoning', type: 'chat', contextWindow: 2_000_000, capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'grok-code-fast-1', type: 'chat', contextWindow: 256_000, capabilities: ['tools', 'reasoning'] },
    { id: 'grok-3-mini', type: 'chat', contextWindow: 131_072, capabilities: ['tools', 'reasoning'] },
  ],
}

export const xai = defineOpenAICompatible(xaiPreset)
