import { describe, expect, test } from 'bun:test'
import type { ReasoningPart } from '../../canonical/content'
import { convertOpenAIResponsesReasoningItem, convertToOpenAIResponsesReasoningItem, FOREIGN_REASONING_PREFIX } from './convert-openai-responses-reasoning'
import encryptedReasoning from './fixtures/response-reasoning-encrypted-content.response.json'

const recordedItem = encryptedReasoning.output[0] as any

describe('convertOpenAIResponsesReasoningItem', () => {
  test('recorded reasoning item (response-reasoning-encrypted-content): summary text, id, encrypted content, provider openai', () => {
    expect(convertOpenAIResponsesReasoningItem(recordedItem)).toEqual({
      type: 'reasoning',
      text: recordedItem.summary[0].text,
      id: 'rs_0f35ed53160b395301693cc95817ac8190b978637daea4987e',
      encryptedContent: recordedItem.encrypted_content,
      provider: 'openai',
    })
  })

  test('several summary parts join with a blank line and are kept for the way back; extra fields too', () => {
    const item = { type: 'reasoning' as const, id: 'rs_1', summary: [{ type: 'summary_text' as const, text: 'A' }, { type: 'summary_text' as const, text: 'B' }], status: 'completed' }
    const part = convertOpenAIResponsesReasoningItem(item)
    expect(part).toEqual({ type: 'reasoning', text: 'A\n\nB', id: 'rs_1', provider: 'openai', providerData: { 'openai-responses': { status: 'completed', summary: item.summary } } })
    expect(convertToOpenAIResponsesReasoningItem(part, 'rs_x')).toEqual(item)
  })

  test("OpenRouter's convention (format + signature) names the provider", () => {
    const item = { type: 'reasoning' as const, id: 'rs_or', summary: [{ type: 'summary_text' as const, text: 'Think.' }], format: 'anthropic-claude-v1', signature: 'EqQB' }
    expect(convertOpenAIResponsesReasoningItem(item)).toEqual({ type: 'reasoning', text: 'Think.', provider: 'anthropic', signature: 'EqQB', id: 'rs_or' })
    expect(convertOpenAIResponsesReasoningItem({ ...item, signature: undefined, summary: [], encrypted_content: 'EmwK' })).toEqual({ type: 'reasoning', text: '', provider: 'anthropic', redactedData: 'EmwK', id: 'rs_or' })
  })

  test('raw reasoning content (no summary) gives the text; encrypted_content null is kept', () => {
    const item = { type: 'reasoning' as const, id: 'rs_2', summary: [], content: [{ type: 'reasoning_text' as const, text: 'thinking' }], encrypted_content: null }
    const part = convertOpenAIResponsesReasoningItem(item)
    expect(part.text).toBe('thinking')
    expect(convertToOpenAIResponsesReasoningItem(part, 'rs_x')).toEqual(item)
  })
})

describe('convertToOpenAIResponsesReasoningItem', () => {
  test('round trip of the recorded item is exact', () => {
    expect(convertToOpenAIResponsesReasoningItem(convertOpenAIResponsesReasoningItem(recordedItem), 'rs_unused')).toEqual(recordedItem)
  })

  test('OpenAI reasoning that crossed another dialect (no providerData) gets one summary part, or none when empty', () => {
    const part: ReasoningPart = { type: 'reasoning', text: 'Summary.', encryptedContent: 'gAAAAABo', id: 'rs_123', provider: 'openai' }
    expect(convertToOpenAIResponsesReasoningItem(part, 'rs_x')).toEqual({ type: 'reasoning', id: 'rs_123', summary: [{ type: 'summary_text', text: 'Summary.' }], encrypted_content: 'gAAAAABo' })
    expect(convertToOpenAIResponsesReasoningItem({ ...part, text: '' }, 'rs_x').summary).toEqual([])
  })

  test('Anthropic thinking, redacted thinking, Gemini thought signatures and unattributed reasoning are packed into encrypted_content and come back intact', () => {
    const parts: ReasoningPart[] = [
      { type: 'reasoning', text: 'Let me add 2 and 2. ✓', signature: 'EqQBCkYIARgCKkD', provider: 'anthropic' },
      { type: 'reasoning', text: '', redactedData: 'EmwKAhgBEgy3va3pzix', provider: 'anthropic' },
      { type: 'reasoning', text: '', encryptedContent: 'CiIB0e2Kb6Syj1a961Ef', id: 'gemini_wOd8abGuO5rgz7IP5tLEGA_0', provider: 'gemini' },
      { type: 'reasoning', text: 'DeepSeek thoughts' },
    ]
    for (const part of parts) {
      const item = convertToOpenAIResponsesReasoningItem(part, 'rs_gen_0')
      expect(item.id).toBe('rs_gen_0')
      expect(item.summary).toEqual(part.text === '' ? [] : [{ type: 'summary_text', text: part.text }])
      expect(item.encrypted_content?.startsWith(FOREIGN_REASONING_PREFIX)).toBe(true)
      expect(convertOpenAIResponsesReasoningItem(item)).toEqual(part)
    }
  })

  test('a malformed packed value is treated as opaque OpenAI content', () => {
    const part = convertOpenAIResponsesReasoningItem({ type: 'reasoning', id: 'rs_3', summary: [], encrypted_content: `${FOREIGN_REASONING_PREFIX}%%%` })
    expect(part).toEqual({ type: 'reasoning', text: '', id: 'rs_3', encryptedContent: `${FOREIGN_REASONING_PREFIX}%%%`, provider: 'openai' })
  })
})
