import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/** Together AI (https://docs.together.ai). `max_completion_tokens` is sent as `max_tokens`. */
export const togetherPreset: OpenAICompatibleOptions = {
  id: 'together',
  name: 'Together AI',
  baseURL: 'https://api.together.xyz/v1',
  apiKeyEnv: 'TOGETHER_API_KEY',
  baseURLEnv: 'TOGETHER_BASE_URL',
  renames: { max_completion_tokens: 'max_tokens' },
  models: [
    { id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', type: 'chat', capabilities: ['tools'] },
    { id: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', type: 'chat', capabilities: ['tools', 'vision'] },
    { id: 'deepseek-ai/DeepSeek-V3', type: 'chat', capabilities: ['tools'] },
    { id: 'deepseek-ai/DeepSeek-R1', type: 'chat', capabilities: ['reasoning'] },
    { id: 'Qwen/Qwen2.5-Coder-32B-Instruct', type: 'chat' },
  ],
}

export const together = defineOpenAICompatible(togetherPreset)
