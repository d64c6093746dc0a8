import {
  convertToOpenAIResponsesReasoningItem,
  customToolInput,
  type AssistantPart,
  type CanonicalRequest,
  type Message,
  type TextPart,
  type ToolCallPart,
  type ToolResultPart,
  type Warning,
} from '@tollgate/core'
import { convertToOpenAIResponsesContentPart, convertToOpenAIResponsesTextPart, type OpenAIResponsesContentSource } from './convert-to-openai-responses-content-part'

const WIRE = 'openai-responses'
type Item = Record<string, unknown>

/** A message's text as a plain string (one text part without wire fields) or as array parts. */
function textContent(parts: TextPart[], defaultType: 'input_text' | 'output_text'): string | Item[] {
  if (parts.length === 1 && parts[0].providerData?.[WIRE] === undefined) return parts[0].text
  return parts.map((part) => convertToOpenAIResponsesTextPart(part, defaultType))
}

/**
 * Canonical messages -> Responses `input` items. Assistant content becomes its items in order
 * (reasoning, one message item per run of text, function or custom tool calls, OpenAI built-in
 * tool items); tool results become function_call_output (or custom_tool_call_output) items, also
 * when they sit in a user turn. Reasoning minted by other providers is left out (OpenAI cannot
 * verify it). Item fields kept in providerData by the Responses dialect come back verbatim.
 */
export function convertToOpenAIResponsesInput(request: CanonicalRequest, customTools: ReadonlySet<string>, warnings: Warning[]): Item[] {
  const items: Item[] = []
  const customCalls = new Set<string>()

  function toolCall(part: ToolCallPart): Item {
    const extra = part.providerData?.[WIRE]
    if (extra?.type === 'custom_tool_call' || customTools.has(part.name)) {
      customCalls.add(part.id)
      return { type: 'custom_tool_call', call_id: part.id, name: part.name, input: customToolInput(part.arguments), ...extra }
    }
    return { type: 'function_call', call_id: part.id, name: part.name, arguments: part.arguments, ...extra }
  }

  function toolResult(part: ToolResultPart, param: string): Item {
    if (part.isError && !warnings.some((warning) => warning.param === 'tool_result.is_error')) {
      warnings.push({ param: 'tool_result.is_error', message: 'Responses tool outputs have no error flag; error results were sent as plain results' })
    }
    const output =
      typeof part.content === 'string'
        ? part.content
        : part.content.flatMap((inner, index) => (inner.type === 'provider-block' ? [] : [convertToOpenAIResponsesContentPart(inner, `${param}.content[${index}]`)]))
    const type = customCalls.has(part.toolCallId) ? 'custom_tool_call_output' : 'function_call_output'
    return { type, call_id: part.toolCallId, output, ...part.providerData?.[WIRE] }
  }

  function assistantItems(message: Extract<Message, { role: 'assistant' }>) {
    let extra = message.providerData?.[WIRE]
    let texts: TextPart[] = []
    const flush = () => {
      if (texts.length === 0) return
      items.push({ role: 'assistant', content: textContent(texts, 'output_text'), ...extra })
      extra = undefined
      texts = []
    }
    message.content.forEach((part: AssistantPart) => {
      if (part.type === 'text') return void texts.push(part)
      flush()
      if (part.type === 'reasoning') {
        if (part.provider === 'openai' && (part.encryptedContent !== undefined || part.id !== undefined)) items.push(convertToOpenAIResponsesReasoningItem(part))
      } else if (part.type === 'tool-call') items.push(toolCall(part))
      else if (part.provider === 'openai') items.push(part.block)
    })
    flush()
  }

  request.messages.forEach((message, position) => {
    const param = `messages[${position}]`
    const extra = message.providerData?.[WIRE]
    if (message.role === 'assistant') return assistantItems(message)
    if (message.role === 'system') return void items.push({ role: message.developer ? 'developer' : 'system', content: textContent(message.content, 'input_text'), ...extra })
    if (message.role === 'tool') return message.content.forEach((result, index) => items.push(toolResult(result, `${param}.content[${index}]`)))
    let parts: OpenAIResponsesContentSource[] = []
    const flush = () => {
      if (parts.length === 0) return
      const content = parts.every((part) => part.type === 'text')
        ? textContent(parts as TextPart[], 'input_text')
        : parts.map((part, index) => convertToOpenAIResponsesContentPart(part, `${param}.content[${index}]`))
      items.push({ role: 'user', content, ...extra })
      parts = []
    }
    message.content.forEach((part, index) => {
      if (part.type !== 'tool-result' && part.type !== 'provider-block') return void parts.push(part)
      flush()
      if (part.type === 'tool-result') items.push(toolResult(part, `${param}.content[${index}]`))
      else if (part.provider === 'openai') items.push(part.block)
    })
    flush()
  })
  return items
}
