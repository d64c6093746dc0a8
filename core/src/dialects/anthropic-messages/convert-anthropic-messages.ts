import type { Message, TextPart, ToolResultPart, UserPart } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { convertAnthropicAssistantBlock, convertAnthropicUserBlock } from '../../formats/anthropic-messages'

const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })

/** A message's content as blocks: a string is one text block. */
function blocksOf(content: unknown, param: string): unknown[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  if (Array.isArray(content)) return content
  throw invalid(`${param} must be a string or an array of content blocks`, param)
}

/** Text-only content (system prompt, system messages) → text parts. */
export function convertAnthropicTextContent(content: unknown, param: string): TextPart[] {
  return blocksOf(content, param).map((block, index) => {
    const part = convertAnthropicUserBlock(block, `${param}.${index}`)
    if (part.type !== 'text') throw invalid(`${param}.${index}.type must be 'text' here`, `${param}.${index}.type`)
    return part
  })
}

/**
 * Split a user turn: tool_result blocks become `tool` messages placed where they were, the other
 * blocks stay in `user` messages, order kept ([text, result, result, text] → user, tool, user).
 */
function splitUserTurn(parts: Array<UserPart | ToolResultPart>, out: Message[]) {
  if (parts.length === 0) return void out.push({ role: 'user', content: [] })
  let user: UserPart[] | undefined
  let tool: ToolResultPart[] | undefined
  for (const part of parts) {
    if (part.type === 'tool-result') {
      if (!tool) out.push({ role: 'tool', content: (tool = []) }), (user = undefined)
      tool.push(part)
    } else {
      if (!user) out.push({ role: 'user', content: (user = []) }), (tool = undefined)
      user.push(part)
    }
  }
}

/**
 * Anthropic `messages` → canonical messages. `role: "system"` entries (sent by real clients although
 * the API has no such role) are accepted: those before the first user/assistant turn extend the
 * leading system prompt, later ones become in-conversation system messages.
 */
export function convertAnthropicMessages(messages: unknown): { leadingSystem: TextPart[]; messages: Message[] } {
  if (!Array.isArray(messages) || messages.length === 0) throw invalid('messages must be a non-empty array', 'messages')
  const leadingSystem: TextPart[] = []
  const out: Message[] = []
  messages.forEach((message, index) => {
    const param = `messages.${index}`
    if (typeof message !== 'object' || message === null) throw invalid(`${param} must be an object`, param)
    const { role, content } = message as { role?: unknown; content?: unknown }
    if (role === 'system') {
      const parts = convertAnthropicTextContent(content, `${param}.content`)
      if (out.length === 0) leadingSystem.push(...parts)
      else out.push({ role: 'system', content: parts })
    } else if (role === 'user') {
      splitUserTurn(blocksOf(content, `${param}.content`).map((block, j) => convertAnthropicUserBlock(block, `${param}.content.${j}`)), out)
    } else if (role === 'assistant') {
      const parts = blocksOf(content, `${param}.content`).map((block, j) => convertAnthropicAssistantBlock(block, `${param}.content.${j}`))
      out.push({ role: 'assistant', content: parts })
    } else {
      throw invalid(`${param}.role must be 'user' or 'assistant'`, `${param}.role`)
    }
  })
  return { leadingSystem, messages: out }
}
