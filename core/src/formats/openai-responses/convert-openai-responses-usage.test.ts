import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { convertOpenAIResponsesUsage, convertToOpenAIResponsesUsage } from './convert-openai-responses-usage'
import cachedHistory from './fixtures/cached-tokens-reasoning-history.response.json'
import encryptedReasoning from './fixtures/response-reasoning-encrypted-content.response.json'
import text from './fixtures/text.response.json'

const streamCompleted = async () => {
  const sse = await Bun.file(new URL('./fixtures/stream-reasoning-function-call-usage.sse', import.meta.url)).text()
  return JSON.parse(parseSse(sse).find((event) => event.event === 'response.completed')!.data).response
}

describe('convertOpenAIResponsesUsage', () => {
  test('cached tokens are part of input_tokens: noCache = input - cached (cached-tokens-reasoning-history)', () => {
    expect(convertOpenAIResponsesUsage(cachedHistory.usage)).toEqual({
      input: { total: 2087, noCache: 39, cacheRead: 2048, cacheWrite: 0 },
      output: { total: 124, text: 124, reasoning: 0 },
    })
  })

  test('reasoning tokens are part of output_tokens (response-reasoning-encrypted-content)', () => {
    expect(convertOpenAIResponsesUsage(encryptedReasoning.usage)).toEqual({
      input: { total: 865, noCache: 865, cacheRead: 0, cacheWrite: 0 },
      output: { total: 163, text: 35, reasoning: 128 },
    })
  })

  test('usage of a streamed response.completed (stream-reasoning-function-call-usage)', async () => {
    expect(convertOpenAIResponsesUsage((await streamCompleted()).usage)).toEqual({
      input: { total: 53, noCache: 53, cacheRead: 0, cacheWrite: 0 },
      output: { total: 469, text: 21, reasoning: 448 },
    })
  })

  test('cache_write_tokens are counted apart from noCache; missing or null usage is zero', () => {
    expect(convertOpenAIResponsesUsage({ input_tokens: 100, input_tokens_details: { cached_tokens: 30, cache_write_tokens: 50 }, output_tokens: 5 }).input).toEqual({
      total: 100,
      noCache: 20,
      cacheRead: 30,
      cacheWrite: 50,
    })
    expect(convertOpenAIResponsesUsage(null)).toEqual(convertOpenAIResponsesUsage({}))
    expect(convertOpenAIResponsesUsage({ input_tokens_details: null, output_tokens_details: null }).output.total).toBe(0)
  })
})

describe('convertToOpenAIResponsesUsage', () => {
  test.each([
    ['text', text.usage],
    ['cached-tokens-reasoning-history', cachedHistory.usage],
    ['response-reasoning-encrypted-content', encryptedReasoning.usage],
  ])('round-trips the recorded usage of %s exactly', (_name, usage) => {
    expect(convertToOpenAIResponsesUsage(convertOpenAIResponsesUsage(usage))).toEqual(usage)
  })

  test('cache_write_tokens appears only when there were cache writes (Anthropic usage shown to a Responses client)', () => {
    const usage = { input: { total: 1500, noCache: 100, cacheRead: 1000, cacheWrite: 400 }, output: { total: 20, text: 20, reasoning: 0 } }
    expect(convertToOpenAIResponsesUsage(usage)).toEqual({
      input_tokens: 1500,
      input_tokens_details: { cached_tokens: 1000, cache_write_tokens: 400 },
      output_tokens: 20,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 1520,
    })
  })
})
