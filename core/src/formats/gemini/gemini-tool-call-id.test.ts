import { expect, test } from 'bun:test'
import { isMintedGeminiToolCallId, mintGeminiToolCallId } from './gemini-tool-call-id'
import parallelCalls from './fixtures/parallel-function-calls.response.json'

test('ids from the response id and the call ordinal: deterministic, unique, within OpenAI and Anthropic rules', () => {
  const ids = parallelCalls.candidates[0].content.parts.map((_, ordinal) => mintGeminiToolCallId(parallelCalls.responseId, ordinal))
  expect(ids).toEqual(['gemini_wOd8abGuO5rgz7IP5tLEGA_0', 'gemini_wOd8abGuO5rgz7IP5tLEGA_1', 'gemini_wOd8abGuO5rgz7IP5tLEGA_2'])
  expect(ids.every((id) => id.length <= 40 && /^[A-Za-z0-9_-]+$/.test(id) && isMintedGeminiToolCallId(id))).toBe(true)
})

test('seeds that do not fit the id rules are digested', () => {
  expect(mintGeminiToolCallId('h3', 1)).toBe('gemini_h3_1')
  const long = mintGeminiToolCallId('a seed with spaces and far too long for an id', 0)
  expect(long).toMatch(/^gemini_[0-9a-f]{8}_0$/)
  expect(long).toBe(mintGeminiToolCallId('a seed with spaces and far too long for an id', 0))
  expect(mintGeminiToolCallId('other seed', 0)).not.toBe(long)
})

test('ids of other providers are not minted ones', () => {
  expect(['call_1EYWDzueHEp8OsB8jJSEp7WB', 'toolu_01', 'pyd_ai_29bf73b69e02'].some(isMintedGeminiToolCallId)).toBe(false)
})
