import type { OpenAICompatibleOptions } from '../openai-compatible-options'
import { defineOpenAICompatible } from '../openai-compatible'

/*
 * Local servers. They need no key (no Authorization header is sent unless one is set) and are
 * enabled by zero config only when their base URL variable is set. Their catalogues are empty:
 * the models are whatever the server has loaded; address them as `ollama/llama3.2`.
 */

/** Ollama (https://docs.ollama.com/api/openai-compatibility): `max_tokens`, `stream_options` supported. */
export const ollamaPreset: OpenAICompatibleOptions = {
  id: 'ollama',
  name: 'Ollama',
  baseURL: 'http://localhost:11434/v1',
  apiKeyEnv: 'OLLAMA_API_KEY',
  baseURLEnv: 'OLLAMA_BASE_URL',
  renames: { max_completion_tokens: 'max_tokens' },
}

/** vLLM (`vllm serve`, OpenAI-compatible server; `--api-key` / VLLM_API_KEY protects it). */
export const vllmPreset: OpenAICompatibleOptions = {
  id: 'vllm',
  name: 'vLLM',
  baseURL: 'http://localhost:8000/v1',
  apiKeyEnv: 'VLLM_API_KEY',
  baseURLEnv: 'VLLM_BASE_URL',
}

/** LM Studio (https://lmstudio.ai/docs/api/openai-api); with "Require Authentication", LM_API_TOKEN. */
export const lmstudioPreset: OpenAICompatibleOptions = {
  id: 'lmstudio',
  name: 'LM Studio',
  baseURL: 'http://localhost:1234/v1',
  apiKeyEnv: 'LM_API_TOKEN',
  baseURLEnv: 'LMSTUDIO_BASE_URL',
  renames: { max_completion_tokens: 'max_tokens' },
}

export const ollama = defineOpenAICompatible(ollamaPreset)
export const vllm = defineOpenAICompatible(vllmPreset)
export const lmstudio = defineOpenAICompatible(lmstudioPreset)
