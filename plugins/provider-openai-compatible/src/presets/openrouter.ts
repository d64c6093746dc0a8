import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/**
 * OpenRouter (https://openrouter.ai/docs). Reasoning comes back as `reasoning` / `reasoning_details`
 * and goes back as `reasoning_details`, so signed thinking of routed Anthropic models survives tool
 * loops. Ids are `vendor/model`: address them as `openrouter/anthropic/claude-sonnet-4.5`. Optional
 * attribution headers (`HTTP-Referer`, `X-Title`) go in the provider's `headers`.
 */
export const openrouterPreset: OpenAICompatibleOptions = {
  id: 'openrouter',
  name: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api/v1',
  apiKeyEnv: 'OPENROUTER_API_KEY',
  baseURLEnv: 'OPENROUTER_BASE_URL',
  renames: { max_completion_tokens: 'max_tokens' },
  reasoningHistory: 'reasoning_details',
  models: [
    { id: 'openai/gpt-4o-mini', type: 'chat', capabilities: ['tools', 'vision', 'json_schema'] },
    { id: 'anthropic/claude-sonnet-4.5', type: 'chat', capabilities: ['tools', 'vision', 'reasoning'] },
    { id: 'google/gemini-2.5-flash', type: 'chat', capabilities: ['tools', 'vision', 'reasoning'] },
    { id: 'deepseek/deepseek-chat', type: 'chat', capabilities: ['tools'] },
    { id: 'meta-llama/llama-3.3-70b-instruct', type: 'chat', capabilities: ['tools'] },
  ],
}

export const openrouter = defineOpenAICompatible(openrouterPreset)
