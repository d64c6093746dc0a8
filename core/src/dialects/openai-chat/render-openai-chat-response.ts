import type { ReasoningPart, TextPart, ToolCallPart } from '../../canonical/content'
import type { CanonicalResponse } from '../../canonical/response'
import type { RenderContext } from '../../plugin/dialect'
import { convertToOpenAIChatReasoning } from '../../formats/openai-chat/convert-openai-chat-reasoning'
import { convertToOpenAIChatUsage } from '../../formats/openai-chat/convert-openai-chat-usage'
import { mapToOpenAIChatFinishReason } from '../../formats/openai-chat/map-openai-chat-finish-reason'
import type { OpenAIChatResponse, OpenAIChatResponseMessage } from '../../formats/openai-chat/openai-chat-types'

/** Canonical response -> `chat.completion` (one choice; the model shown is the one the client asked for). */
export function renderOpenAIChatResponse(response: CanonicalResponse, context: RenderContext): OpenAIChatResponse {
  const texts: TextPart[] = []
  const reasoning: ReasoningPart[] = []
  const toolCalls: ToolCallPart[] = []
  for (const part of response.content) {
    if (part.type === 'text') texts.push(part)
    else if (part.type === 'reasoning') reasoning.push(part)
    else if (part.type === 'tool-call') toolCalls.push(part)
    // provider-block parts belong to another wire format: skipped.
  }
  const noText = toolCalls.length > 0 || response.refusal !== undefined ? null : ''
  const message: OpenAIChatResponseMessage = {
    role: 'assistant',
    content: texts.length > 0 ? texts.map((part) => part.text).join('') : noText,
    refusal: response.refusal ?? null,
    ...convertToOpenAIChatReasoning(reasoning),
  }
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }))
  }
  return {
    id: response.id,
    object: 'chat.completion',
    created: response.created,
    model: context.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: mapToOpenAIChatFinishReason(response.finishReason) }],
    usage: convertToOpenAIChatUsage(response.usage),
  }
}
