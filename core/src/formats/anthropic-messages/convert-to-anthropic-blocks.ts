import type { ReasoningPart, TextPart } from '../../canonical/content'
import type { AnthropicBlock } from './anthropic-messages-types'
import { isRecord } from './convert-anthropic-blocks'

/** Text part → text block; Anthropic-only fields (cache_control, citations) come back from providerData. */
export function toAnthropicTextBlock(part: TextPart): AnthropicBlock {
  return { ...part.providerData?.anthropic, type: 'text', text: part.text }
}

/**
 * Reasoning part → thinking / redacted_thinking block, only when Anthropic minted it and its opaque
 * state is there (a signature or redacted data): anything else cannot be verified by Anthropic.
 */
export function toAnthropicReasoningBlock(part: ReasoningPart): AnthropicBlock | undefined {
  if (part.provider !== 'anthropic') return undefined
  const extra = part.providerData?.anthropic
  if (part.redactedData) return { ...extra, type: 'redacted_thinking', data: part.redactedData }
  if (part.signature) return { ...extra, type: 'thinking', thinking: part.text, signature: part.signature }
  return undefined
}

/** Tool-call arguments (JSON text) → tool_use `input`; '' means no arguments; undefined when not a JSON object. */
export function parseToolInput(argumentsText: string): Record<string, unknown> | undefined {
  if (argumentsText.trim() === '') return {}
  try {
    const input: unknown = JSON.parse(argumentsText)
    return isRecord(input) ? input : undefined
  } catch {
    return undefined
  }
}
