import type { AssistantPart, TextPart, ToolResultPart } from '../../canonical/content'
import type { Message } from '../../canonical/request'
import { convertOpenAIChatReasoning } from '../../formats/openai-chat/convert-openai-chat-reasoning'
import { convertOpenAIChatContentPart, convertOpenAIChatTextPart } from './convert-openai-chat-content-part'
import { fail, readArray, readObject, readString, unknownFields } from './read-openai-chat-fields'

const WIRE = 'openai-chat'
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function'])
const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
  system: new Set(['role', 'content']),
  user: new Set(['role', 'content']),
  tool: new Set(['role', 'content', 'tool_call_id']),
  function: new Set(['role', 'content', 'name']),
  assistant: new Set(['role', 'content', 'refusal', 'tool_calls', 'function_call', 'reasoning_content', 'reasoning_details']),
}
const TOOL_CALL_KEYS = new Set(['id', 'type', 'function'])

/** A refusal (message field or content part) is text marked so the OpenAI provider renders it back as `refusal`. */
const refusalPart = (text: string): TextPart => ({ type: 'text', text, providerData: { [WIRE]: { type: 'refusal' } } })

function textContent(content: unknown, param: string): TextPart[] | string {
  if (typeof content === 'string') return content
  return readArray(content, param).map((part, index) => convertOpenAIChatTextPart(part, `${param}[${index}]`))
}

const asParts = (content: TextPart[] | string): TextPart[] => (typeof content === 'string' ? [{ type: 'text', text: content }] : content)

function withExtra<T extends Message>(message: T, source: Record<string, unknown>, role: string): T {
  const extra = unknownFields(source, KNOWN_KEYS[role === 'developer' ? 'system' : role])
  if (extra) message.providerData = { [WIRE]: extra }
  return message
}

function convertAssistant(message: Record<string, any>, param: string): Message {
  const content: AssistantPart[] = convertOpenAIChatReasoning(message.reasoning_details, message.reasoning_content)
  const text = message.content
  if (typeof text === 'string' && text !== '') content.push({ type: 'text', text })
  else if (Array.isArray(text)) {
    text.forEach((part, index) => {
      const partParam = `${param}.content[${index}]`
      if (readObject(part, partParam).type === 'refusal') content.push(refusalPart(readString(part.refusal, `${partParam}.refusal`)))
      else content.push(convertOpenAIChatTextPart(part, partParam))
    })
  } else if (text !== undefined && text !== null && text !== '') fail('Assistant content must be a string or an array', `${param}.content`)
  if (typeof message.refusal === 'string' && message.refusal !== '') content.push(refusalPart(message.refusal))
  if (message.tool_calls !== undefined && message.tool_calls !== null) {
    readArray(message.tool_calls, `${param}.tool_calls`).forEach((call, index) => {
      const callParam = `${param}.tool_calls[${index}]`
      const object = readObject(call, callParam)
      if (object.type !== undefined && object.type !== 'function') fail(`Unsupported tool call type '${object.type}'`, `${callParam}.type`)
      const fn = readObject(object.function, `${callParam}.function`)
      const part: AssistantPart = {
        type: 'tool-call',
        id: readString(object.id, `${callParam}.id`),
        name: readString(fn.name, `${callParam}.function.name`),
        arguments: readString(fn.arguments, `${callParam}.function.arguments`),
      }
      const extra = unknownFields(object, TOOL_CALL_KEYS)
      if (extra) part.providerData = { [WIRE]: extra }
      content.push(part)
    })
  }
  if (message.function_call !== undefined && message.function_call !== null) {
    const fn = readObject(message.function_call, `${param}.function_call`)
    const name = readString(fn.name, `${param}.function_call.name`)
    content.push({ type: 'tool-call', id: name, name, arguments: readString(fn.arguments, `${param}.function_call.arguments`) })
  }
  const converted = withExtra<Message>({ role: 'assistant', content }, message, 'assistant')
  // Empty or null content and a null refusal have no canonical form: keep the wire value to reproduce it.
  const verbatim: Record<string, unknown> = {}
  if (text === null || text === '') verbatim.content = text
  if (message.refusal === null || message.refusal === '') verbatim.refusal = message.refusal
  if (Object.keys(verbatim).length > 0) converted.providerData = { [WIRE]: { ...converted.providerData?.[WIRE], ...verbatim } }
  return converted
}

function convertToolResult(message: Record<string, any>, param: string, role: 'tool' | 'function'): Message {
  const result: ToolResultPart =
    role === 'tool'
      ? { type: 'tool-result', toolCallId: readString(message.tool_call_id, `${param}.tool_call_id`), content: '' }
      : { type: 'tool-result', toolCallId: readString(message.name, `${param}.name`), name: message.name, content: '' }
  result.content = message.content === null || message.content === undefined ? '' : textContent(message.content, `${param}.content`)
  return withExtra<Message>({ role: 'tool', content: [result] }, message, role)
}

function convertMessage(message: Record<string, any>, param: string): Message {
  switch (message.role) {
    case 'system':
    case 'developer': {
      const system: Message = { role: 'system', content: asParts(textContent(message.content, `${param}.content`)) }
      if (message.role === 'developer') system.developer = true
      return withExtra(system, message, message.role)
    }
    case 'user': {
      const content = message.content
      if (typeof content === 'string') return withExtra<Message>({ role: 'user', content: [{ type: 'text', text: content }] }, message, 'user')
      const parts = readArray(content, `${param}.content`).map((part, index) => convertOpenAIChatContentPart(part, `${param}.content[${index}]`))
      return withExtra<Message>({ role: 'user', content: parts }, message, 'user')
    }
    case 'assistant':
      return convertAssistant(message, param)
    default:
      return convertToolResult(message, param, message.role)
  }
}

/**
 * OpenAI `messages` -> canonical. Leading system/developer messages become `system`
 * (`systemDeveloper` when all of them were developer messages); later ones stay in place.
 */
export function convertOpenAIChatMessages(messages: unknown): { system?: TextPart[]; systemDeveloper?: boolean; messages: Message[] } {
  const list = readArray(messages, 'messages')
  if (list.length === 0) fail("'messages' must contain at least one message", 'messages')
  const system: TextPart[] = []
  let systemDeveloper = true
  let index = 0
  const converted: Message[] = []
  for (; index < list.length; index++) {
    const message = readObject(list[index], `messages[${index}]`)
    if (!ROLES.has(message.role)) fail(`Unknown role '${String(message.role)}'`, `messages[${index}].role`)
    if (converted.length === 0 && (message.role === 'system' || message.role === 'developer')) {
      system.push(...asParts(textContent(message.content, `messages[${index}].content`)))
      systemDeveloper &&= message.role === 'developer'
    } else {
      converted.push(convertMessage(message, `messages[${index}]`))
    }
  }
  if (system.length === 0) return { messages: converted }
  return systemDeveloper ? { system, systemDeveloper, messages: converted } : { system, messages: converted }
}
