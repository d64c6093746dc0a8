import type { AssistantPart, ReasoningPart, TextPart, ToolCallPart } from '../../canonical/content'
import { convertToOpenAIResponsesReasoningItem } from '../../formats/openai-responses/convert-openai-responses-reasoning'
import { customToolInput } from '../../formats/openai-responses/openai-responses-custom-tools'
import type { OpenAIResponsesOutputItem } from '../../formats/openai-responses/openai-responses-types'

const WIRE = 'openai-responses'

/** Annotations (e.g. url_citation) an OpenAI text part carried, else none. */
export function textAnnotations(providerData: TextPart['providerData']): unknown[] {
  const annotations = providerData?.[WIRE]?.annotations
  return Array.isArray(annotations) ? annotations : []
}

/** Whether a tool call is a custom (freeform) tool call: the client declared the tool as custom, or the upstream said so. */
export function isCustomToolCall(part: Pick<ToolCallPart, 'name' | 'providerData'>, customTools: ReadonlySet<string>): boolean {
  return customTools.has(part.name) || part.providerData?.[WIRE]?.type === 'custom_tool_call'
}

/** A finished tool call as an output item (function_call, or custom_tool_call with the freeform input unwrapped). */
export function renderToolCallItem(part: ToolCallPart, id: string, customTools: ReadonlySet<string>): OpenAIResponsesOutputItem {
  const itemId = typeof part.providerData?.[WIRE]?.id === 'string' ? (part.providerData[WIRE].id as string) : id
  if (isCustomToolCall(part, customTools)) return { id: itemId, type: 'custom_tool_call', status: 'completed', call_id: part.id, name: part.name, input: customToolInput(part.arguments) }
  return { id: itemId, type: 'function_call', status: 'completed', arguments: part.arguments, call_id: part.id, name: part.name }
}

export function renderReasoningItem(part: ReasoningPart, id: string): OpenAIResponsesOutputItem {
  return convertToOpenAIResponsesReasoningItem(part, id)
}

/**
 * Canonical assistant content -> Responses output items, in order: reasoning items, one message
 * item per run of text (a refusal joins the last message), function/custom tool calls, and
 * OpenAI's own built-in tool items verbatim (other providers' native blocks are skipped).
 */
export function renderOpenAIResponsesOutput(
  content: AssistantPart[],
  refusal: string | undefined,
  customTools: ReadonlySet<string>,
  itemId: (prefix: string, outputIndex: number) => string,
): OpenAIResponsesOutputItem[] {
  const output: OpenAIResponsesOutputItem[] = []
  const newMessage = () => (output.push({ id: itemId('msg', output.length), type: 'message', status: 'completed', content: [], role: 'assistant' }), output.at(-1)!)
  let message: OpenAIResponsesOutputItem | undefined
  for (const part of content) {
    if (part.type === 'text') {
      message ??= newMessage()
      message.content.push({ type: 'output_text', annotations: textAnnotations(part.providerData), text: part.text })
      continue
    }
    message = undefined
    if (part.type === 'reasoning') output.push(renderReasoningItem(part, itemId('rs', output.length)))
    else if (part.type === 'tool-call') output.push(renderToolCallItem(part, itemId(isCustomToolCall(part, customTools) ? 'ctc' : 'fc', output.length), customTools))
    else if (part.provider === 'openai') output.push(part.block as OpenAIResponsesOutputItem)
  }
  if (refusal !== undefined) {
    const last = output.at(-1)
    const target = last?.type === 'message' ? last : newMessage()
    target.content.push({ type: 'refusal', refusal })
  }
  return output
}
