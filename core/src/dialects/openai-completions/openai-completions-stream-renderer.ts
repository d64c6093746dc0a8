import type { StreamEvent } from '../../canonical'
import type { RenderContext, StreamRenderer } from '../../plugin/dialect'
import { convertToOpenAIChatUsage } from '../../formats/openai-chat/convert-openai-chat-usage'
import { encodeSse } from '../../sse/encode-sse'
import { convertToOpenAIChatError } from '../openai-chat/render-openai-chat-error'
import { echoOf, mapToOpenAICompletionsFinishReason } from './render-openai-completions-response'

const json = JSON.stringify

/**
 * Canonical stream → `text_completion` chunks: the prompt first when `echo` was asked, one chunk
 * per text delta, a last chunk with the `finish_reason`, the usage chunk (`choices: []`) when the
 * client set `stream_options.include_usage`, then `data: [DONE]`. An error ends the stream with a
 * `data: {"error": ...}` frame and no `[DONE]`.
 */
export function createOpenAICompletionsStreamRenderer(context: RenderContext): StreamRenderer {
  const model = json(context.model)
  let head = ''
  let ended = false

  function start(id: string, created: number) {
    head = `{"id":${json(id)},"object":"text_completion","created":${created},"model":${model},`
  }

  function chunk(text: string, finishReason: string | null = null): string {
    if (head === '') start(context.requestId, Math.floor(Date.now() / 1000))
    return encodeSse(`${head}"choices":[{"text":${json(text)},"index":0,"logprobs":null,"finish_reason":${json(finishReason)}}]}`)
  }

  function render(event: StreamEvent): string {
    if (ended) return ''
    switch (event.type) {
      case 'response-start': {
        start(event.id, event.created)
        const echo = echoOf(context)
        return echo === '' ? '' : chunk(echo)
      }
      case 'text-delta':
        return chunk(event.delta)
      case 'finish': {
        ended = true
        let out = chunk('', mapToOpenAICompletionsFinishReason(event.finishReason))
        if (context.includeUsage) out += encodeSse(`${head}"choices":[],"usage":${json(convertToOpenAIChatUsage(event.usage))}}`)
        return out + encodeSse('[DONE]')
      }
      case 'error':
        ended = true
        return encodeSse(json({ error: convertToOpenAIChatError(event.error) }))
      default:
        return ''
    }
  }

  return { render }
}
