import { convertToOpenAIChatReasoning, type CanonicalRequest, type FilePart, type ImagePart, type Message, type ReasoningPart, type TextPart, type ToolResultPart, type Warning } from '@tollgate/core'
import {
  convertToOpenAIChatContentPart,
  convertToOpenAIChatTextContent,
  type OpenAIChatUserPart,
  type OpenAIChatWirePart,
} from './convert-to-openai-chat-content-part'

const WIRE = 'openai-chat'
type WireMessage = Record<string, unknown>

/** Options of OpenAI-compatible servers that differ from OpenAI itself. */
export interface OpenAIChatMessageOptions {
  /**
   * Reasoning of earlier assistant turns: `drop` (OpenAI, the default: Chat Completions cannot take
   * it back), `reasoning_content` (its text, as DeepSeek requires in tool loops) or
   * `reasoning_details` (OpenRouter: text, signatures and encrypted data, plus `reasoning_content`).
   */
  reasoningHistory?: 'drop' | 'reasoning_content' | 'reasoning_details'
}

function convertReasoningHistory(parts: ReasoningPart[], mode: OpenAIChatMessageOptions['reasoningHistory']): WireMessage {
  if (mode === undefined || mode === 'drop' || parts.length === 0) return {}
  const converted = convertToOpenAIChatReasoning(parts)
  if (mode === 'reasoning_details') return converted
  return converted.reasoning_content === undefined ? {} : { reasoning_content: converted.reasoning_content }
}

function convertAssistant(message: Extract<Message, { role: 'assistant' }>, options: OpenAIChatMessageOptions): WireMessage {
  const texts: TextPart[] = []
  const reasoning: ReasoningPart[] = []
  let refusal: string | undefined
  const toolCalls: WireMessage[] = []
  for (const part of message.content) {
    if (part.type === 'text' && part.providerData?.[WIRE]?.type === 'refusal') refusal = (refusal ?? '') + part.text
    else if (part.type === 'text') texts.push(part)
    else if (part.type === 'tool-call') {
      toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments }, ...part.providerData?.[WIRE] })
    } else if (part.type === 'reasoning') reasoning.push(part)
  }
  // OpenAI itself cannot take reasoning back; compatible servers may (see `reasoningHistory`).
  const converted: WireMessage = { role: 'assistant', ...convertReasoningHistory(reasoning, options.reasoningHistory) }
  if (texts.length > 0) converted.content = convertToOpenAIChatTextContent(texts)
  else if (toolCalls.length === 0) converted.content = ''
  if (refusal !== undefined) converted.refusal = refusal
  if (toolCalls.length > 0) converted.tool_calls = toolCalls
  return { ...converted, ...message.providerData?.[WIRE] }
}

/**
 * Canonical messages -> OpenAI `messages`. Tool results become `tool` messages (also when they sit
 * in a user turn). OpenAI tool messages take text only: images/files returned by tools follow in
 * one user message after the run of tool messages.
 */
export function convertToOpenAIChatMessages(request: CanonicalRequest, warnings: Warning[], options: OpenAIChatMessageOptions = {}): WireMessage[] {
  const messages: WireMessage[] = []
  if (request.system && request.system.length > 0) {
    messages.push({ role: request.systemDeveloper ? 'developer' : 'system', content: convertToOpenAIChatTextContent(request.system) })
  }
  let attachments: OpenAIChatWirePart[] = []
  const flushAttachments = () => {
    if (attachments.length > 0) messages.push({ role: 'user', content: attachments })
    attachments = []
  }

  function pushToolResult(result: ToolResultPart, param: string, extra?: Record<string, unknown>) {
    if (result.isError && !warnings.some((warning) => warning.param === 'tool_result.is_error')) {
      warnings.push({ param: 'tool_result.is_error', message: 'OpenAI tool messages have no error flag; error results were sent as plain results' })
    }
    let content: string | OpenAIChatWirePart[]
    if (typeof result.content === 'string') content = result.content
    else {
      const texts = result.content.filter((part): part is TextPart => part.type === 'text')
      const media = result.content.filter((part): part is ImagePart | FilePart => part.type === 'image' || part.type === 'file')
      content = texts.length > 0 ? convertToOpenAIChatTextContent(texts) : media.length > 0 ? 'The tool returned the attachments in the next message.' : ''
      if (media.length > 0) attachments.push({ type: 'text', text: `Attachments returned by tool call ${result.toolCallId}:` })
      media.forEach((part, index) => attachments.push(convertToOpenAIChatContentPart(part, `${param}.content[${index}]`)))
    }
    messages.push({ role: 'tool', tool_call_id: result.toolCallId, content, ...result.providerData?.[WIRE], ...extra })
  }

  request.messages.forEach((message, position) => {
    const param = `messages[${position}]`
    const extra = message.providerData?.[WIRE]
    if (message.role === 'tool') {
      message.content.forEach((result, index) => pushToolResult(result, `${param}.content[${index}]`, extra))
      return
    }
    const userParts: OpenAIChatUserPart[] = []
    if (message.role === 'user') {
      message.content.forEach((part, index) => {
        if (part.type === 'tool-result') pushToolResult(part, `${param}.content[${index}]`)
        else if (part.type !== 'provider-block') userParts.push(part)
      })
      if (userParts.length === 0) return
    }
    flushAttachments()
    if (message.role === 'assistant') messages.push(convertAssistant(message, options))
    else if (message.role === 'system') {
      messages.push({ role: message.developer ? 'developer' : 'system', content: convertToOpenAIChatTextContent(message.content), ...extra })
    } else {
      const content = userParts.every((part) => part.type === 'text')
        ? convertToOpenAIChatTextContent(userParts as TextPart[])
        : userParts.map((part, index) => convertToOpenAIChatContentPart(part, `${param}.content[${index}]`))
      messages.push({ role: 'user', content, ...extra })
    }
  })
  flushAttachments()
  return messages
}
