import { expect, test } from 'bun:test'
import { readJsonFixture } from '../test-support/read-fixture'
import { geminiPassthroughPath, prepareGeminiPassthroughBody } from './gemini-passthrough'

test('the fast path forwards the body as sent (snake_case and url-safe signatures untouched), not mutated', async () => {
  const body = await readJsonFixture('stream-json-array-after-function-response.request.json')
  const prepared = prepareGeminiPassthroughBody(body, { modelId: 'gemini-3-flash-preview' })
  expect(prepared).toEqual(body)
  expect(prepared).not.toBe(body)
})

test('the fast path URL names the routed model; streams are SSE', () => {
  expect(geminiPassthroughPath({ modelId: 'gemini-2.5-pro' }, true)).toBe('/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse')
  expect(geminiPassthroughPath({ modelId: 'models/gemini-2.5-pro' }, false)).toBe('/v1beta/models/gemini-2.5-pro:generateContent')
})
