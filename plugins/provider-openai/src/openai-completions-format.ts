import { type CanonicalRequest, type ConversionContext, type ConvertedRequest, type OpenAIChatResponse, type SseEvent, type WireFormatSpec } from '@tollgate/core'
import { convertOpenAIChatResponse } from './convert-openai-chat-response'
import { convertToOpenAIChatRequest } from './convert-to-openai-chat-request'
import { convertToOpenAICompletionsRequest, isOpenAICompletionModel } from './convert-to-openai-completions-request'
import { createOpenAIChatStreamConverter } from './openai-chat-stream-converter'

interface TextCompletionChoice {
  text?: string
  index?: number
  finish_reason?: string | null
}

/** A `text_completion` body or chunk in Chat Completions' terms (same ids, usage and finish reasons; `text` is the content). */
function asChatCompletion(completion: Record<string, any>, chunk: boolean): Record<string, any> {
  if (!Array.isArray(completion.choices)) return completion
  const choices = (completion.choices as TextCompletionChoice[]).map((choice) => {
    const content = { content: choice.text ?? '' }
    return { index: choice.index ?? 0, finish_reason: choice.finish_reason ?? null, ...(chunk ? { delta: content } : { message: { role: 'assistant', ...content } }) }
  })
  return { ...completion, choices }
}

/** Fields of a completions client that a chat model can take as they are. */
const CHAT_FIELDS = new Set(['logit_bias'])

/** A completions client's request to an OpenAI chat model: Chat Completions, with what cannot be carried reported. */
function convertToChatRequest(request: CanonicalRequest, context: ConversionContext): ConvertedRequest {
  const extra = request.extra['openai-completions'] ?? {}
  const converted = convertToOpenAIChatRequest({ ...request, extra: {} }, context)
  const warnings = [...(converted.warnings ?? [])]
  for (const [key, value] of Object.entries(extra)) {
    if (CHAT_FIELDS.has(key)) converted.body[key] = value
    else warnings.push({ param: key, message: `not supported by the chat model '${context.modelId}'; ignored` })
  }
  return { ...converted, path: '/chat/completions', ...(warnings.length > 0 && { warnings }) }
}

/**
 * OpenAI's legacy completions (`POST /v1/completions`) as an alternate format of the OpenAI provider,
 * for clients of the `openai-completions` dialect. Completion models (gpt-3.5-turbo-instruct,
 * davinci-002, babbage-002, their fine-tunes) get a real `/completions` call with the prompt as sent
 * and `suffix`, `best_of`, `logit_bias` passed through; chat models are asked through Chat
 * Completions. Answers of both are read with the Chat Completions converters (a completion's `text`
 * is the content). No fast path: the dialect renders `echo` itself.
 */
export const openaiCompletionsFormat: WireFormatSpec = {
  wireFormat: 'openai-completions',
  endpoints: { chat: '/completions' },
  convertRequest: (request, context) => (isOpenAICompletionModel(context) ? convertToOpenAICompletionsRequest(request, context) : convertToChatRequest(request, context)),
  convertResponse: (body: Record<string, any>, context) => convertOpenAIChatResponse(asChatCompletion(body, false) as OpenAIChatResponse, context),
  createStreamConverter(context) {
    const chat = createOpenAIChatStreamConverter(context)
    if (!isOpenAICompletionModel(context)) return chat
    return {
      event(event: SseEvent) {
        if (event.data === '[DONE]' || !event.data.includes('"choices"')) return chat.event(event)
        let chunk: Record<string, any>
        try {
          chunk = JSON.parse(event.data)
        } catch {
          return chat.event(event)
        }
        return chat.event({ ...event, data: JSON.stringify(asChatCompletion(chunk, true)) })
      },
      end: () => chat.end(),
    }
  },
}
