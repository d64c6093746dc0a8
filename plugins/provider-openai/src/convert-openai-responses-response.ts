import {
  convertOpenAIResponsesReasoningItem,
  convertOpenAIResponsesUsage,
  customToolArguments,
  mapOpenAIResponsesFinishReason,
  rawOpenAIResponsesFinishReason,
  type AssistantPart,
  type CanonicalResponse,
  type ConversionContext,
  type OpenAIResponsesOutputItem,
  type OpenAIResponsesResponse,
  type TextPart,
} from '@tollgate/core'

const WIRE = 'openai-responses'

/** A text part; annotations (url citations of web search, file citations) ride along in providerData. */
export function outputTextPart(text: string, annotations: unknown): TextPart {
  return Array.isArray(annotations) && annotations.length > 0 ? { type: 'text', text, providerData: { [WIRE]: { annotations } } } : { type: 'text', text }
}

/** What a call item keeps in providerData: its item id and the `namespace` of a namespace member (the Responses dialect renders it back). */
export function toolCallData(item: OpenAIResponsesOutputItem): Record<string, string> | undefined {
  const data = { ...(typeof item.id === 'string' && { id: item.id }), ...(typeof item.namespace === 'string' && { namespace: item.namespace }) }
  return Object.keys(data).length > 0 ? data : undefined
}

/**
 * One output item -> canonical parts: reasoning (summary, id, encrypted content), message text and
 * refusals, function calls (call_id is the canonical id; the item id and namespace are kept), custom tool calls
 * (arguments `{"input": ...}`), and built-in tool items (web_search_call, ...) as OpenAI provider blocks.
 */
export function convertOpenAIResponsesOutputItem(item: OpenAIResponsesOutputItem): { parts: AssistantPart[]; refusal?: string; toolCall?: boolean } {
  const itemId = typeof item.id === 'string' ? { id: item.id } : {}
  switch (item.type) {
    case 'reasoning':
      return { parts: [convertOpenAIResponsesReasoningItem(item as never)] }
    case 'message': {
      const parts: AssistantPart[] = []
      let refusal: string | undefined
      for (const part of Array.isArray(item.content) ? item.content : []) {
        if (part?.type === 'output_text' && typeof part.text === 'string') parts.push(outputTextPart(part.text, part.annotations))
        else if (part?.type === 'refusal' && typeof part.refusal === 'string') refusal = (refusal ?? '') + part.refusal
      }
      return refusal === undefined ? { parts } : { parts, refusal }
    }
    case 'function_call': {
      const data = toolCallData(item)
      return { parts: [{ type: 'tool-call', id: item.call_id, name: item.name, arguments: item.arguments ?? '', ...(data && { providerData: { [WIRE]: data } }) }], toolCall: true }
    }
    case 'custom_tool_call':
      return { parts: [{ type: 'tool-call', id: item.call_id, name: item.name, arguments: customToolArguments(item.input ?? ''), providerData: { [WIRE]: { type: 'custom_tool_call', ...toolCallData(item) } } }], toolCall: true }
    default:
      return { parts: [{ type: 'provider-block', provider: 'openai', block: item }] }
  }
}

/** A `response` object -> canonical. The finish reason comes from status + incomplete_details (completed with calls = tool-calls). */
export function convertOpenAIResponsesResponse(body: OpenAIResponsesResponse, context: ConversionContext): CanonicalResponse {
  const content: AssistantPart[] = []
  let refusal: string | undefined
  let toolCalls = false
  for (const item of body.output ?? []) {
    const converted = convertOpenAIResponsesOutputItem(item)
    content.push(...converted.parts)
    if (converted.refusal !== undefined) refusal = (refusal ?? '') + converted.refusal
    toolCalls ||= converted.toolCall === true
  }
  const finishReason = mapOpenAIResponsesFinishReason(body, toolCalls)
  const response: CanonicalResponse = {
    id: body.id ?? '',
    model: body.model || context.modelId,
    created: body.created_at ?? 0,
    content,
    finishReason: refusal !== undefined && finishReason === 'stop' ? 'refusal' : finishReason,
    usage: convertOpenAIResponsesUsage(body.usage),
  }
  const raw = rawOpenAIResponsesFinishReason(body)
  if (raw !== undefined) response.rawFinishReason = raw
  if (refusal !== undefined) response.refusal = refusal
  return response
}
