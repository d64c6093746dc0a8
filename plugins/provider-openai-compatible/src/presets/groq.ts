import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/**
 * Groq (https://console.groq.com/docs/openai). Takes `max_completion_tokens` and `stream_options`
 * (usage also repeated in `x_groq.usage`). Groq answers `logprobs`, `logit_bias`, `top_logprobs`,
 * `messages[].name` and `n > 1` with its own 400, which reaches the client as is.
 * Its `openai/...` and `meta-llama/...` ids need the `groq/` prefix (`groq/openai/gpt-oss-120b`).
 */
export const groqPreset: OpenAICompatibleOptions = {
  id: 'groq',
  name: 'Groq',
  baseURL: 'https://api.groq.com/openai/v1',
  apiKeyEnv: 'GROQ_API_KEY',
  baseURLEnv: 'GROQ_BASE_URL',
  models: [
    { id: 'llama-3.3-70b-versatile', type: 'chat', contextWindow: 131_072, maxOutputTokens: 32_768, capabilities: ['tools'] },
    { id: 'llama-3.1-8b-instant', type: 'chat', contextWindow: 131_072, capabilities: ['tools'] },
    { id: 'openai/gpt-oss-120b', type: 'chat', contextWindow: 131_072, maxOutputTokens: 65_536, capabilities: ['tools', 'reasoning', 'json_schema'] },
    { id: 'openai/gpt-oss-20b', type: 'chat', contextWindow: 131_072, maxOutputTokens: 65_536, capabilities: ['tools', 'reasoning', 'json_schema'] },
    { id: 'moonshotai/kimi-k2-instruct-0905', type: 'chat', contextWindow: 262_144, maxOutputTokens: 16_384, capabilities: ['tools', 'json_schema'] },
    { id: 'qwen/qwen3-32b', type: 'chat', contextWindow: 131_072, maxOutputTokens: 40_960, capabilities: ['tools', 'reasoning'] },
    { id: 'meta-llama/llama-4-scout-17b-16e-instruct', type: 'chat', contextWindow: 131_072, maxOutputTokens: 8_192, capabilities: ['tools', 'vision'] },
  ],
}

export const groq = defineOpenAICompatible(groqPreset)
