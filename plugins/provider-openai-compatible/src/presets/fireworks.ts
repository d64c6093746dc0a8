import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/** Fireworks AI (https://docs.fireworks.ai). Model ids are paths (`accounts/fireworks/models/...`); `max_tokens`. */
export const fireworksPreset: OpenAICompatibleOptions = {
  id: 'fireworks',
  name: 'Fireworks AI',
  baseURL: 'https://api.fireworks.ai/inference/v1',
  apiKeyEnv: 'FIREWORKS_API_KEY',
  baseURLEnv: 'FIREWORKS_BASE_URL',
  modelPrefixes: ['accounts/fireworks/'],
  renames: { max_completion_tokens: 'max_tokens' },
  models: [
    { id: 'accounts/fireworks/models/deepseek-v3', type: 'chat', capabilities: ['tools'] },
    { id: 'accounts/fireworks/models/kimi-k2-instruct', type: 'chat', capabilities: ['tools'] },
    { id: 'accounts/fireworks/models/llama-v3p3-70b-instruct', type: 'chat', capabilities: ['tools'] },
    { id: 'accounts/fireworks/models/qwen2p5-coder-32b-instruct', type: 'chat' },
  ],
}

export const fireworks = defineOpenAICompatible(fireworksPreset)
