import type { ModelInfo } from '@tollgate/core'

type Capability = NonNullable<ModelInfo['capabilities']>[number]
const multimodal: Capability[] = ['tools', 'vision', 'audio', 'pdf', 'json_schema']
const thinking: Capability[] = [...multimodal, 'reasoning']

const model = (id: string, contextWindow: number, maxOutputTokens: number, capabilities: Capability[]): ModelInfo => ({ id, type: 'chat', contextWindow, maxOutputTokens, capabilities })

/**
 * Gemini API models (Google AI Studio) under their API ids. Context windows are input token limits
 * (1,048,576 for Gemini); other `gemini-` and `gemma-` ids route here by prefix. Gemma models are
 * served without function calling or structured output.
 */
export const geminiModels: ModelInfo[] = [
  model('gemini-3-pro-preview', 1_048_576, 65_536, thinking),
  model('gemini-3-flash-preview', 1_048_576, 65_536, thinking),
  model('gemini-2.5-pro', 1_048_576, 65_536, thinking),
  model('gemini-2.5-flash', 1_048_576, 65_536, thinking),
  model('gemini-2.5-flash-lite', 1_048_576, 65_536, thinking),
  model('gemini-flash-latest', 1_048_576, 65_536, thinking),
  model('gemini-flash-lite-latest', 1_048_576, 65_536, thinking),
  model('gemini-2.0-flash', 1_048_576, 8_192, multimodal),
  model('gemini-2.0-flash-lite', 1_048_576, 8_192, multimodal),
  model('gemma-3-27b-it', 131_072, 8_192, ['vision']),
]
