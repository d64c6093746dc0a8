import type { AssistantPart, ProviderBlockPart, TextPart, ToolCallPart, ToolResultPart } from '../../canonical/content'
import type { Message } from '../../canonical/request'
import { convertOpenAIResponsesReasoningItem } from '../../formats/openai-responses/convert-openai-responses-reasoning'
import { customToolArguments } from '../../formats/openai-responses/openai-responses-custom-tools'
import { createNamespaceToolNames, type NamespaceToolNames } from '../../formats/openai-responses/openai-responses-namespace-tools'
import { fail, readArray, readObject, readString } from '../openai-chat/read-openai-chat-fields'
import { convertOpenAIResponsesContentPart } from './convert-openai-responses-content-part'
import { leftoverFields } from './leftover-fields'

const WIRE = 'openai-responses'
const ROLES = new Set(['user', 'assistant', 'system', 'developer'])
const MESSAGE_KEYS = new Set(['role', 'content'])
const CALL_KEYS = new Set(['type', 'call_id', 'name', 'arguments'])
const CUSTOM_CALL_KEYS = new Set(['call_id', 'name', 'input'])
const OUTPUT_KEYS = new Set(['type', 'call_id', 'output'])
const CUSTOM_OUTPUT_KEYS = new Set(['call_id', 'output'])

type AssistantMessage = Extract<Message, { role: 'assistant' }>
const withData = <T extends { providerData?: Record<string, Record<string, unknown>> }>(target: T, extra: Record<string, unknown> | undefined): T =>
  extra ? Object.assign(target, { providerData: { [WIRE]: extra } }) : target

/**
 * Responses `input` items -> canonical messages. The items of one assistant turn (reasoning, the
 * assistant message, function and custom tool calls, built-in tool calls) join one assistant
 * message, in order; consecutive call outputs join one tool message. Every item field the
 * canonical form does not carry stays in providerData, so the Responses provider rebuilds the
 * items exactly. A call carrying a `namespace` takes the member's flat name (see `names`); its wire
 * `name` and `namespace` stay in providerData. Input string -> one user message.
 */
export function convertOpenAIResponsesInput(input: unknown, names: NamespaceToolNames = createNamespaceToolNames(undefined)): Message[] {
  if (typeof input === 'string') return [{ role: 'user', content: [{ type: 'text', text: input }] }]
  const items = readArray(input, 'input')
  const messages: Message[] = []
  /** Assistant messages that already hold an assistant message item (a second one starts a new message). */
  const holdingMessageItem = new WeakSet<Message>()
  const toolNames = new Map<string, string>()

  const lastAssistant = (): AssistantMessage | undefined => {
    const last = messages.at(-1)
    return last?.role === 'assistant' ? last : undefined
  }
  const assistant = (): AssistantMessage => lastAssistant() ?? (messages.push({ role: 'assistant', content: [] }), messages.at(-1) as AssistantMessage)
  const toolMessage = (): Extract<Message, { role: 'tool' }> => {
    const last = messages.at(-1)
    if (last?.role === 'tool') return last
    messages.push({ role: 'tool', content: [] })
    return messages.at(-1) as Extract<Message, { role: 'tool' }>
  }

  function convertMessageItem(item: Record<string, any>, param: string) {
    if (!ROLES.has(item.role)) fail(`Unknown role '${String(item.role)}'`, `${param}.role`)
    const extra = leftoverFields(item, MESSAGE_KEYS)
    const parts =
      typeof item.content === 'string'
        ? [{ type: 'text', text: item.content } as TextPart]
        : readArray(item.content, `${param}.content`).map((part, index) => convertOpenAIResponsesContentPart(part, `${param}.content[${index}]`))
    if (item.role === 'user') return void messages.push(withData<Message>({ role: 'user', content: parts }, extra))
    const texts = parts.map((part, index) => (part.type === 'text' ? part : fail(`${item.role} messages take text only`, `${param}.content[${index}]`)))
    if (item.role !== 'assistant') {
      return void messages.push(withData<Message>({ role: 'system', content: texts, ...(item.role === 'developer' && { developer: true }) }, extra))
    }
    const open = lastAssistant()
    const target = open && !holdingMessageItem.has(open) ? open : (messages.push({ role: 'assistant', content: [] }), messages.at(-1) as AssistantMessage)
    target.content.push(...texts)
    holdingMessageItem.add(target)
    withData(target, extra)
  }

  function toolCall(item: Record<string, any>, param: string, custom: boolean): ToolCallPart {
    const id = readString(item.call_id, `${param}.call_id`)
    const wireName = readString(item.name, `${param}.name`)
    const namespaced = typeof item.namespace === 'string'
    const name = namespaced ? names.flatName(item.namespace, wireName) : wireName
    toolNames.set(id, name)
    const argumentsText = custom ? customToolArguments(readString(item.input, `${param}.input`)) : readString(item.arguments, `${param}.arguments`)
    const extra = leftoverFields(item, custom ? CUSTOM_CALL_KEYS : CALL_KEYS)
    return withData<ToolCallPart>({ type: 'tool-call', id, name, arguments: argumentsText }, namespaced ? { ...extra, name: wireName } : extra)
  }

  function toolResult(item: Record<string, any>, param: string, custom: boolean): ToolResultPart {
    const toolCallId = readString(item.call_id, `${param}.call_id`)
    const output = item.output
    const content: ToolResultPart['content'] =
      typeof output === 'string'
        ? output
        : readArray(output, `${param}.output`).map((part, index) => {
            const converted = convertOpenAIResponsesContentPart(part, `${param}.output[${index}]`)
            return converted.type === 'audio' ? fail('Tool outputs cannot carry audio', `${param}.output[${index}]`) : converted
          })
    const result: ToolResultPart = { type: 'tool-result', toolCallId, content }
    const name = toolNames.get(toolCallId)
    if (name !== undefined) result.name = name
    return withData(result, leftoverFields(item, custom ? CUSTOM_OUTPUT_KEYS : OUTPUT_KEYS))
  }

  items.forEach((raw, index) => {
    const param = `input[${index}]`
    const item = readObject(raw, param)
    const type = item.type ?? 'message'
    switch (type) {
      case 'message':
        return convertMessageItem(item, param)
      case 'reasoning':
        return void assistant().content.push(convertOpenAIResponsesReasoningItem(item as never))
      case 'function_call':
      case 'custom_tool_call':
        return void assistant().content.push(toolCall(item, param, type === 'custom_tool_call'))
      case 'function_call_output':
      case 'custom_tool_call_output':
        return void toolMessage().content.push(toolResult(item, param, type === 'custom_tool_call_output'))
      case 'item_reference':
        return fail('item_reference is not supported: Tollgate is stateless and does not keep earlier items; send the item itself', `${param}.type`)
      default: {
        // Built-in tool items (web_search_call, computer_call, mcp_call, ...) ride along verbatim for the Responses provider.
        const block: ProviderBlockPart = { type: 'provider-block', provider: 'openai', block: item }
        if (String(type).endsWith('_output') || type === 'mcp_approval_response') messages.push({ role: 'user', content: [block] })
        else assistant().content.push(block as AssistantPart)
      }
    }
  })
  return messages
}
