import type { ModelInfo } from '@tollgate/core'
import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

const thinking: ModelInfo['capabilities'] = ['tools', 'reasoning']

/**
 * DeepSeek (https://api-docs.deepseek.com). Thinking mode returns `reasoning_content`, which must
 * be sent back on assistant turns that called tools (else a 400): earlier reasoning goes back as
 * `reasoning_content`. `max_completion_tokens` is sent as `max_tokens`.
 */
export const deepseekPreset: OpenAICompatibleOptions = {
  id: 'deepseek',
  name: 'DeepSeek',
  baseURL: 'https://api.deepseek.com',
  apiKeyEnv: 'DEEPSEEK_API_KEY',
  baseURLEnv: 'DEEPSEEK_BASE_URL',
  modelPrefixes: ['deepseek-chat', 'deepseek-reasoner', 'deepseek-v'],
  renames: { max_completion_tokens: 'max_tokens' },
  reasoningHistory: 'reasoning_content',
  models: [
    { id: 'deepseek-v4-flash', type: 'chat', contextWindow: 1_000_000, maxOutputTokens: 384_000, capabilities: thinking },
    { id: 'deepseek-v4-pro', type: 'chat', contextWindow: 1_000_000, maxOutputTokens: 384_000, capabilities: thinking },
    { id: 'deepseek-chat', type: 'chat', capabilities: ['tools'] },
    { id: 'deepseek-reasoner', type: 'chat', capabilities: thinking },
  ],
}

export const deepseek = defineOpenAICompatible(deepseekPreset)
