import type { AnthropicBlock, AnthropicMessageParam, CanonicalRequest, TextPart, Warning } from '@tollgate/core'
import { toAnthropicAssistantBlock, toAnthropicUserBlock } from './convert-to-anthropic-content'

/**
 * Canonical messages → Anthropic turns. Tool results join the user turn (as tool_result blocks, in
 * place); consecutive turns of the same role are merged; turns left empty are skipped. System
 * messages have no place inside an Anthropic conversation: they join the system prompt (with a
 * warning when they came after the conversation started).
 */
export function convertToAnthropicMessages(request: CanonicalRequest, warnings: Warning[]): { system: TextPart[]; messages: AnthropicMessageParam[] } {
  const system = [...(request.system ?? [])]
  const messages: Array<{ role: 'user' | 'assistant'; content: AnthropicBlock[] }> = []
  request.messages.forEach((message, index) => {
    const param = `messages.${index}.content`
    if (message.role === 'system') {
      if (messages.length > 0) warnings.push({ param: `messages.${index}`, message: 'moved to the system prompt (Anthropic has no system messages inside the conversation)' })
      system.push(...message.content)
      return
    }
    const content: AnthropicBlock[] = []
    if (message.role === 'assistant') {
      message.content.forEach((part, j) => void pushDefined(content, toAnthropicAssistantBlock(part, `${param}.${j}`)))
    } else {
      message.content.forEach((part, j) => void pushDefined(content, toAnthropicUserBlock(part, `${param}.${j}`)))
    }
    if (content.length === 0) return
    const role = message.role === 'assistant' ? 'assistant' : 'user'
    const last = messages.at(-1)
    if (last?.role === role) last.content.push(...content)
    else messages.push({ role, content })
  })
  return { system, messages }
}

function pushDefined(blocks: AnthropicBlock[], block: AnthropicBlock | undefined) {
  if (block) blocks.push(block)
}
