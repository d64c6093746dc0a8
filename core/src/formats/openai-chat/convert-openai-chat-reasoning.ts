import type { ReasoningPart } from '../../canonical/content'
import type { OpenAIChatReasoningDetail } from './openai-chat-types'

/** OpenRouter's `reasoning_details[].format` names ↔ canonical `ReasoningPart.provider`. */
const FORMAT_BY_PROVIDER: Record<string, string> = { anthropic: 'anthropic-claude-v1', openai: 'openai-responses-v1', gemini: 'google-gemini-v1' }
const PROVIDER_BY_FORMAT: Record<string, string> = { 'anthropic-claude-v1': 'anthropic', 'openai-responses-v1': 'openai', 'google-gemini-v1': 'gemini' }

/** `reasoning_details[].format` -> canonical `ReasoningPart.provider` ('unknown' and absent mean none). */
export function reasoningProviderFromFormat(format: string | undefined): string | undefined {
  if (format === undefined || format === 'unknown') return undefined
  return PROVIDER_BY_FORMAT[format] ?? format
}

/** Canonical `ReasoningPart.provider` -> `reasoning_details[].format`. */
export function reasoningFormatFromProvider(provider: string | undefined): string {
  if (provider === undefined) return 'unknown'
  return FORMAT_BY_PROVIDER[provider] ?? provider
}

/**
 * `reasoning_details` (OpenRouter convention) or a bare `reasoning_content` string -> reasoning parts.
 * Details sharing an `index` form one part (text deltas concatenate; signature/encrypted data attach).
 */
export function convertOpenAIChatReasoning(details: unknown, reasoningContent: unknown): ReasoningPart[] {
  if (!Array.isArray(details) || details.length === 0) {
    return typeof reasoningContent === 'string' && reasoningContent !== '' ? [{ type: 'reasoning', text: reasoningContent }] : []
  }
  const parts: ReasoningPart[] = []
  const byIndex = new Map<number, ReasoningPart>()
  for (const detail of details as OpenAIChatReasoningDetail[]) {
    let part = typeof detail.index === 'number' ? byIndex.get(detail.index) : undefined
    if (part === undefined) {
      part = { type: 'reasoning', text: '' }
      const provider = reasoningProviderFromFormat(detail.format)
      if (provider !== undefined) part.provider = provider
      parts.push(part)
      if (typeof detail.index === 'number') byIndex.set(detail.index, part)
    }
    if (detail.id !== undefined) part.id = detail.id
    if (detail.type === 'reasoning.text') {
      part.text += detail.text ?? ''
      if (detail.signature) part.signature = detail.signature
    } else if (detail.type === 'reasoning.summary') {
      part.text += detail.summary ?? ''
    } else if (detail.type === 'reasoning.encrypted') {
      if (part.provider === 'anthropic') part.redactedData = detail.data
      else part.encryptedContent = detail.data
    }
  }
  return parts
}

/** Reasoning parts -> `reasoning_content` (visible text) + `reasoning_details` (one `index` per part). */
export function convertToOpenAIChatReasoning(parts: ReasoningPart[]): {
  reasoning_content?: string
  reasoning_details?: OpenAIChatReasoningDetail[]
} {
  if (parts.length === 0) return {}
  const details: OpenAIChatReasoningDetail[] = []
  let text = ''
  parts.forEach((part, index) => {
    const format = reasoningFormatFromProvider(part.provider)
    const id = part.id === undefined ? {} : { id: part.id }
    if (part.redactedData !== undefined) {
      details.push({ type: 'reasoning.encrypted', data: part.redactedData, format, index, ...id })
      return
    }
    text += part.text
    if (part.text !== '' || part.signature !== undefined || part.encryptedContent === undefined) {
      const signature = part.signature === undefined ? {} : { signature: part.signature }
      details.push({ type: 'reasoning.text', text: part.text, ...signature, format, index, ...id })
    }
    if (part.encryptedContent !== undefined) {
      details.push({ type: 'reasoning.encrypted', data: part.encryptedContent, format, index, ...id })
    }
  })
  return text === '' ? { reasoning_details: details } : { reasoning_content: text, reasoning_details: details }
}
