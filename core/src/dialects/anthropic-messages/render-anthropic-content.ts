import type { AssistantPart } from '../../canonical'
import {
  parseToolInput,
  toAnthropicReasoningBlock,
  toAnthropicTextBlock,
  type AnthropicBlock,
} from '../../formats/anthropic-messages'

/**
 * One canonical assistant part → the client's content block, or undefined to leave it out.
 * - Reasoning minted by Anthropic keeps its signature / redacted data byte for byte. Reasoning from
 *   other providers is shown as a thinking block with `signature: ''` (readable, never verifiable:
 *   if the client sends it back, the Anthropic provider drops it); empty foreign reasoning is left out.
 * - Tool-call arguments are JSON text: invalid JSON or a non-object (e.g. cut by max_tokens) renders
 *   `input: {}` — the raw text is not kept, there is no field for it; stop_reason tells the cut.
 * - Provider blocks are rendered only when Anthropic minted them.
 */
export function renderAnthropicContentBlock(part: AssistantPart): AnthropicBlock | undefined {
  switch (part.type) {
    case 'text':
      return toAnthropicTextBlock(part)
    case 'reasoning':
      if (part.provider === 'anthropic') return toAnthropicReasoningBlock(part) ?? { type: 'thinking', thinking: part.text, signature: part.signature ?? '' }
      return part.text === '' ? undefined : { type: 'thinking', thinking: part.text, signature: '' }
    case 'tool-call':
      return { ...part.providerData?.anthropic, type: 'tool_use', id: part.id, name: part.name, input: parseToolInput(part.arguments) ?? {} }
    case 'provider-block':
      return part.provider === 'anthropic' ? (part.block as AnthropicBlock) : undefined
  }
}
