import type { ConversionContext, StreamConverter } from '@tollgate/core'
import { createOpenAIChatStreamConverter } from '@tollgate/provider-openai'
import { normalizeCompatibleChunkData, type CompatibleAnswerOptions } from './normalize-compatible-message'

/**
 * OpenAI's Chat stream converter, fed chunks in the OpenAI shape: content-part arrays (Mistral's
 * reasoning models) become `content` + `reasoning_content` first. Usage that arrives beside
 * `choices` (Mistral, DeepSeek, Groq) and `reasoning_content` / `reasoning` deltas are already
 * understood by the OpenAI converter; usage that leaves reasoning out of `completion_tokens` (xAI)
 * is corrected when the service is declared so.
 */
export function createCompatibleStreamConverter(context: ConversionContext, options: CompatibleAnswerOptions = {}): StreamConverter {
  const converter = createOpenAIChatStreamConverter(context)
  return {
    event(event) {
      const data = normalizeCompatibleChunkData(event.data, options)
      return converter.event(data === event.data ? event : { ...event, data })
    },
    end: () => converter.end(),
  }
}
