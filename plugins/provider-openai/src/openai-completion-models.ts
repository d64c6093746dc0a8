import type { ModelInfo } from '@tollgate/core'

/**
 * OpenAI completion models, served by the legacy `POST /v1/completions` (see openai-completions-format.ts).
 * Prompt and completion share the context window, so no separate output limit is given.
 */
export const openaiCompletionModels: ModelInfo[] = [
  { id: 'gpt-3.5-turbo-instruct', type: 'completion', contextWindow: 4_096 },
  { id: 'davinci-002', type: 'completion', contextWindow: 16_384 },
  { id: 'babbage-002', type: 'completion', contextWindow: 16_384 },
]
