import { expect, test } from 'bun:test'
import { mapGeminiBlockReason, mapGeminiFinishReason, mapToGeminiFinishReason } from './map-gemini-finish-reason'

test('Gemini finishReason → canonical', () => {
  const reasons = ['STOP', 'MAX_TOKENS', 'SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'MALFORMED_FUNCTION_CALL', 'LANGUAGE', 'OTHER', 'SOMETHING_NEW', undefined]
  expect(reasons.map((reason) => mapGeminiFinishReason(reason))).toEqual([
    'stop', 'length', 'content-filter', 'content-filter', 'content-filter', 'content-filter', 'content-filter', 'content-filter', 'error', 'other', 'other', 'other', 'other',
  ])
})

test('a candidate with functionCall parts is tool-calls unless cut by the token limit', () => {
  expect(['STOP', undefined, 'MAX_TOKENS', 'SAFETY'].map((reason) => mapGeminiFinishReason(reason, true))).toEqual(['tool-calls', 'tool-calls', 'length', 'content-filter'])
})

test('a blocked prompt (promptFeedback.blockReason) is a content filter', () => {
  expect(['SAFETY', 'OTHER', 'BLOCKLIST', 'PROHIBITED_CONTENT'].map(mapGeminiBlockReason)).toEqual(['content-filter', 'content-filter', 'content-filter', 'content-filter'])
})

test('canonical → Gemini: a raw Gemini reason is kept, others map', () => {
  const reasons = ['stop', 'stop-sequence', 'length', 'tool-calls', 'content-filter', 'refusal', 'pause', 'error', 'other'] as const
  expect(reasons.map((reason) => mapToGeminiFinishReason(reason))).toEqual(['STOP', 'STOP', 'MAX_TOKENS', 'STOP', 'SAFETY', 'SAFETY', 'STOP', 'OTHER', 'OTHER'])
  expect(mapToGeminiFinishReason('content-filter', 'SPII')).toBe('SPII')
  expect(mapToGeminiFinishReason('error', 'MALFORMED_FUNCTION_CALL')).toBe('MALFORMED_FUNCTION_CALL')
  expect(mapToGeminiFinishReason('stop', 'end_turn')).toBe('STOP')
  expect(mapToGeminiFinishReason('length', 'length')).toBe('MAX_TOKENS')
})
