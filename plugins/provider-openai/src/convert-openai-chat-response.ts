import {
  convertOpenAIChatReasoning,
  convertOpenAIChatUsage,
  mapOpenAIChatFinishReason,
  type AssistantPart,
  type CanonicalResponse,
  type ConversionContext,
  type OpenAIChatResponse,
} from '@tollgate/core'

/**
 * A `chat.completion` body -> canonical. Only choice 0 is read (the canonical path carries one
 * choice; `n > 1` is rejected before the call). Reasoning fields of OpenAI-compatible servers
 * (`reasoning_content`, `reasoning_details`) become reasoning parts.
 */
export function convertOpenAIChatResponse(body: OpenAIChatResponse, context: ConversionContext): CanonicalResponse {
  const choice = body.choices?.find((candidate) => (candidate.index ?? 0) === 0)
  const message = choice?.message
  const content: AssistantPart[] = convertOpenAIChatReasoning(message?.reasoning_details, message?.reasoning_content ?? message?.reasoning)
  if (typeof message?.content === 'string' && message.content !== '') content.push({ type: 'text', text: message.content })
  for (const call of message?.tool_calls ?? []) {
    if (call.function) content.push({ type: 'tool-call', id: call.id, name: call.function.name, arguments: call.function.arguments ?? '' })
  }
  const refusal = typeof message?.refusal === 'string' && message.refusal !== '' ? message.refusal : undefined
  const rawFinishReason = choice?.finish_reason ?? undefined
  const finishReason = mapOpenAIChatFinishReason(rawFinishReason)
  const response: CanonicalResponse = {
    id: body.id ?? '',
    model: body.model ?? context.modelId,
    created: body.created ?? 0,
    content,
    finishReason: refusal !== undefined && finishReason === 'stop' ? 'refusal' : finishReason,
    usage: convertOpenAIChatUsage(body.usage),
  }
  if (rawFinishReason !== undefined) response.rawFinishReason = rawFinishReason
  if (refusal !== undefined) response.refusal = refusal
  return response
}
