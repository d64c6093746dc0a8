import type { ModelInfo } from '@tollgate/core'

const gpt4o: ModelInfo['capabilities'] = ['tools', 'vision', 'json_schema', 'pdf']
const reasoning: ModelInfo['capabilities'] = ['tools', 'vision', 'reasoning', 'json_schema', 'pdf']

/** OpenAI chat models served by `/v1/chat/completions` (context window and output limits in tokens). */
export const openaiModels: ModelInfo[] = [
  { id: 'gpt-4o', type: 'chat', contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: gpt4o },
  { id: 'gpt-4o-mini', type: 'chat', contextWindow: 128_000, maxOutputTokens: 16_384, capabilities: gpt4o },
  { id: 'gpt-4.1', type: 'chat', contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: gpt4o },
  { id: 'gpt-4.1-mini', type: 'chat', contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: gpt4o },
  { id: 'gpt-4.1-nano', type: 'chat', contextWindow: 1_047_576, maxOutputTokens: 32_768, capabilities: gpt4o },
  { id: 'gpt-5', type: 'chat', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: reasoning },
  { id: 'gpt-5-mini', type: 'chat', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: reasoning },
  { id: 'gpt-5-nano', type: 'chat', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: reasoning },
  { id: 'gpt-5.1', type: 'chat', contextWindow: 400_000, maxOutputTokens: 128_000, capabilities: reasoning },
  { id: 'o1', type: 'chat', contextWindow: 200_000, maxOutputTokens: 100_000, capabilities: reasoning },
  { id: 'o3', type: 'chat', contextWindow: 200_000, maxOutputTokens: 100_000, capabilities: reasoning },
  { id: 'o3-mini', type: 'chat', contextWindow: 200_000, maxOutputTokens: 100_000, capabilities: ['tools', 'reasoning', 'json_schema'] },
  { id: 'o4-mini', type: 'chat', contextWindow: 200_000, maxOutputTokens: 100_000, capabilities: reasoning },
]
