import type { CanonicalResponse, FinishReason } from '../../canonical'
import type { RenderContext } from '../../plugin/dialect'
import { convertToOpenAIChatUsage } from '../../formats/openai-chat/convert-openai-chat-usage'

/** Canonical finish reason → a completions `finish_reason` (`stop`, `length` or `content_filter`). */
export function mapToOpenAICompletionsFinishReason(finishReason: FinishReason): 'stop' | 'length' | 'content_filter' {
  if (finishReason === 'length') return 'length'
  if (finishReason === 'content-filter') return 'content_filter'
  return 'stop'
}

/** The prompt to prepend when the client asked for `echo`. */
export const echoOf = (context: RenderContext): string => (typeof context.options?.echo === 'string' ? context.options.echo : '')

/**
 * Canonical response → `text_completion`: the text parts joined (reasoning and tool calls have no
 * place in a completion), after the prompt when `echo` was asked. The model shown is the one asked for.
 */
export function renderOpenAICompletionsResponse(response: CanonicalResponse, context: RenderContext) {
  const text = response.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
  return {
    id: response.id,
    object: 'text_completion' as const,
    created: response.created,
    model: context.model,
    choices: [{ text: echoOf(context) + text, index: 0, logprobs: null, finish_reason: mapToOpenAICompletionsFinishReason(response.finishReason) }],
    usage: convertToOpenAIChatUsage(response.usage),
  }
}
