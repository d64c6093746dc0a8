import type { ProviderData, ReasoningPart } from '../../canonical/content'
import { reasoningFormatFromProvider, reasoningProviderFromFormat } from '../openai-chat/convert-openai-chat-reasoning'
import type { OpenAIResponsesReasoningItem, OpenAIResponsesSummaryText } from './openai-responses-types'

const WIRE = 'openai-responses'
const KNOWN_KEYS = new Set(['type', 'id', 'summary', 'encrypted_content'])
/**
 * `encrypted_content` values starting with this carry reasoning minted by another provider
 * (e.g. an Anthropic thinking signature), packed by the gateway so that a Responses client that
 * keeps only standard fields (Codex CLI) sends it back intact. OpenAI's own values start `gAAAA`.
 */
export const FOREIGN_REASONING_PREFIX = 'tollgate.reasoning.v1.'

interface ForeignReasoning {
  format: string
  text: string
  signature?: string
  redactedData?: string
  /** Opaque state of a provider other than OpenAI (a Gemini thought signature). */
  encryptedContent?: string
  id?: string
}

const utf8ToBase64 = (text: string) => btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(''))
const base64ToUtf8 = (data: string) => new TextDecoder().decode(Uint8Array.from(atob(data), (character) => character.charCodeAt(0)))

function summaryText(summary: unknown, content: unknown): string {
  const parts = Array.isArray(summary) && summary.length > 0 ? summary : Array.isArray(content) ? content : []
  return parts.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('\n\n')
}

/** Another provider's reasoning packed into an `encrypted_content` string (see FOREIGN_REASONING_PREFIX). */
export function encodeForeignReasoning(part: ReasoningPart): string {
  const payload: ForeignReasoning = { format: reasoningFormatFromProvider(part.provider), text: part.text }
  if (part.signature !== undefined) payload.signature = part.signature
  if (part.redactedData !== undefined) payload.redactedData = part.redactedData
  if (part.encryptedContent !== undefined) payload.encryptedContent = part.encryptedContent
  if (part.id !== undefined) payload.id = part.id
  return FOREIGN_REASONING_PREFIX + utf8ToBase64(JSON.stringify(payload))
}

function decodeForeignReasoning(value: string): ReasoningPart | undefined {
  try {
    const payload = JSON.parse(base64ToUtf8(value.slice(FOREIGN_REASONING_PREFIX.length))) as ForeignReasoning
    if (typeof payload.text !== 'string') return undefined
    const part: ReasoningPart = { type: 'reasoning', text: payload.text }
    const provider = reasoningProviderFromFormat(payload.format)
    if (provider !== undefined) part.provider = provider
    if (typeof payload.signature === 'string') part.signature = payload.signature
    if (typeof payload.redactedData === 'string') part.redactedData = payload.redactedData
    if (typeof payload.encryptedContent === 'string') part.encryptedContent = payload.encryptedContent
    if (typeof payload.id === 'string') part.id = payload.id
    return part
  } catch {
    return undefined
  }
}

/** OpenRouter's extension: a reasoning item with `format` (e.g. anthropic-claude-v1) and `signature` names its provider. */
function openRouterReasoning(item: OpenAIResponsesReasoningItem, text: string): ReasoningPart {
  const part: ReasoningPart = { type: 'reasoning', text }
  const provider = reasoningProviderFromFormat(item.format as string)
  if (provider !== undefined) part.provider = provider
  if (typeof item.signature === 'string') part.signature = item.signature
  if (typeof item.encrypted_content === 'string') {
    if (provider === 'anthropic') part.redactedData = item.encrypted_content
    else part.encryptedContent = item.encrypted_content
  }
  if (typeof item.id === 'string') part.id = item.id
  return part
}

/**
 * A reasoning item -> a reasoning part (provider 'openai'): the summary texts joined by a blank line
 * (or the raw reasoning text when there is no summary), its id and encrypted content. What cannot be
 * rebuilt from the joined text (several summary parts, extra fields) is kept in providerData.
 * Items carrying another provider's packed reasoning come back as that provider's part, as do
 * items in OpenRouter's convention (`format` + `signature`).
 */
export function convertOpenAIResponsesReasoningItem(item: OpenAIResponsesReasoningItem): ReasoningPart {
  const encrypted = item.encrypted_content
  if (typeof encrypted === 'string' && encrypted.startsWith(FOREIGN_REASONING_PREFIX)) {
    const foreign = decodeForeignReasoning(encrypted)
    if (foreign) return foreign
  }
  const summary = Array.isArray(item.summary) ? item.summary : []
  if (typeof item.format === 'string' && item.format !== 'openai-responses-v1') return openRouterReasoning(item, summaryText(summary, item.content))
  const part: ReasoningPart = { type: 'reasoning', text: summaryText(summary, item.content), provider: 'openai' }
  if (typeof item.id === 'string') part.id = item.id
  if (typeof encrypted === 'string') part.encryptedContent = encrypted
  const extra: Record<string, unknown> = {}
  for (const key in item) if (!KNOWN_KEYS.has(key)) extra[key] = item[key]
  if (encrypted === null) extra.encrypted_content = null
  const plainSummary = summary.length === 1 && Object.keys(summary[0] ?? {}).every((key) => key === 'type' || key === 'text')
  if (!plainSummary && !(summary.length === 0 && part.text === '')) extra.summary = summary
  if (Object.keys(extra).length > 0) part.providerData = { [WIRE]: extra }
  return part
}

/**
 * A reasoning part -> a reasoning item. OpenAI's own parts get their id, summary and encrypted
 * content back; parts of other providers (or of none) are packed into `encrypted_content` so they
 * survive the client. `fallbackId` names items whose part has no id (no id is invented without it).
 */
export function convertToOpenAIResponsesReasoningItem(part: ReasoningPart, fallbackId?: string): OpenAIResponsesReasoningItem {
  const summary: OpenAIResponsesSummaryText[] = part.text === '' ? [] : [{ type: 'summary_text', text: part.text }]
  if (part.provider !== 'openai') return { type: 'reasoning', ...(fallbackId !== undefined && { id: fallbackId }), summary, encrypted_content: encodeForeignReasoning(part) }
  const { summary: keptSummary, ...extra } = (part.providerData?.[WIRE] ?? {}) as ProviderData[string]
  const id = part.id ?? fallbackId
  const item: OpenAIResponsesReasoningItem = { type: 'reasoning', ...(id !== undefined && { id }), summary }
  if (Array.isArray(keptSummary) && summaryText(keptSummary, extra.content) === part.text) item.summary = keptSummary as OpenAIResponsesSummaryText[]
  if (part.encryptedContent !== undefined) item.encrypted_content = part.encryptedContent
  return Object.assign(item, extra)
}
