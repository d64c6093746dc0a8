import type { AssistantPart, ReasoningPart, TextPart, ToolCallPart } from '../../canonical/content'
import { convertToOpenAIResponsesReasoningItem } from '../../formats/openai-responses/convert-openai-responses-reasoning'
import { customToolInput } from '../../formats/openai-responses/openai-responses-custom-tools'
import type { OpenAIResponsesOutputItem } from '../../formats/openai-responses/openai-responses-types'
import type { OpenAIResponsesRenderOptions } from './read-openai-responses-target'

const WIRE = 'openai-responses'

/** The client's tool names the renderers need: custom tools and namespace members (by canonical name). */
export type ClientToolNames = Pick<OpenAIResponsesRenderOptions, 'customTools' | 'namespacedTools'>

/** Annotations (e.g. url_citation) an OpenAI text part carried, else none. */
export function textAnnotations(providerData: TextPart['providerData']): unknown[] {
  const annotations = providerData?.[WIRE]?.annotations
  return Array.isArray(annotations) ? annotations : []
}

/**
 * Whether a tool call is a custom (freeform) tool call: the upstream said so, or the client declared
 * the tool as custom (a call an OpenAI upstream placed in a namespace is named within it, so only
 * the upstream's word counts for it).
 */
export function isCustomToolCall(part: Pick<ToolCallPart, 'name' | 'providerData'>, customTools: ReadonlySet<string>): boolean {
  const data = part.providerData?.[WIRE]
  return data?.type === 'custom_tool_call' || (customTools.has(part.name) && typeof data?.namespace !== 'string')
}

/**
 * The name a call carries on the wire: a namespace member's own name and its `namespace` (the
 * client declared the member, or an OpenAI upstream named the namespace), else the canonical name.
 */
export function wireToolName(part: Pick<ToolCallPart, 'name' | 'providerData'>, namespacedTools: ClientToolNames['namespacedTools']): { name: string; namespace?: string } {
  const member = namespacedTools.get(part.name)
  if (member) return { name: member.name, namespace: member.namespace }
  const namespace = part.providerData?.[WIRE]?.namespace
  return typeof namespace === 'string' ? { name: part.name, namespace } : { name: part.name }
}

/** A finished tool call as an output item (function_call, or custom_tool_call with the freeform input unwrapped). */
export function renderToolCallItem(part: ToolCallPart, id: string, tools: ClientToolNames): OpenAIResponsesOutputItem {
  const itemId = typeof part.providerData?.[WIRE]?.id === 'string' ? (part.providerData[WIRE].id as string) : id
  const name = wireToolName(part, tools.namespacedTools)
  if (isCustomToolCall(part, tools.customTools)) return { id: itemId, type: 'custom_tool_call', status: 'completed', call_id: part.id, ...name, input: customToolInput(part.arguments) }
  return { id: itemId, type: 'function_call', status: 'completed', arguments: part.arguments, call_id: part.id, ...name }
}

export function renderReasoningItem(part: ReasoningPart, id: string): OpenAIResponsesOutputItem {
  return convertToOpenAIResponsesReasoningItem(part, id)
}

/**
 * Canonical assistant content -> Responses output items, in order: reasoning items, one message
 * item per run of text (a refusal joins the last message), function/custom tool calls (namespace
 * members under their wire names), and OpenAI's own built-in tool items verbatim (other providers'
 * native blocks are skipped).
 */
export function renderOpenAIResponsesOutput(
  content: AssistantPart[],
  refusal: string | undefined,
  tools: ClientToolNames,
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
    else if (part.type === 'tool-call') output.push(renderToolCallItem(part, itemId(isCustomToolCall(part, tools.customTools) ? 'ctc' : 'fc', output.length), tools))
    else if (part.provider === 'openai') output.push(part.block as OpenAIResponsesOutputItem)
  }
  if (refusal !== undefined) {
    const last = output.at(-1)
    const target = last?.type === 'message' ? last : newMessage()
    target.content.push({ type: 'refusal', refusal })
  }
  return output
}
