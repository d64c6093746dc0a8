import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { convertGeminiUsage, convertToGeminiUsage } from './convert-gemini-usage'
import cachedContentTokens from './fixtures/cached-content-tokens.response.json'
import finishSafety from './fixtures/finish-safety.response.json'
import text from './fixtures/text.response.json'

const groundingChunks = parseSse(await Bun.file(new URL('./fixtures/stream-google-search-grounding.sse', import.meta.url)).text()).map((event) => JSON.parse(event.data))

describe('convertGeminiUsage', () => {
  test('cachedContentTokenCount is part of promptTokenCount; thoughts are reasoning, apart from candidates', () => {
    // promptTokenCount 17713 (17379 cached), candidates 68, thoughts 821, total 18602
    expect(convertGeminiUsage(cachedContentTokens.usageMetadata)).toEqual({
      input: { total: 17713, noCache: 334, cacheRead: 17379, cacheWrite: 0 },
      output: { total: 889, text: 68, reasoning: 821 },
    })
  })

  test('toolUsePromptTokenCount (Google Search results) is input: totals match totalTokenCount', () => {
    const last = groundingChunks.at(-1).usageMetadata
    const usage = convertGeminiUsage(last)
    expect(usage).toEqual({ input: { total: 119, noCache: 119, cacheRead: 0, cacheWrite: 0 }, output: { total: 653, text: 241, reasoning: 412 } })
    expect(usage.input.total + usage.output.total).toBe(last.totalTokenCount)
  })

  test('a blocked answer has no candidatesTokenCount; missing usage is zero', () => {
    expect(convertGeminiUsage(finishSafety.usageMetadata)).toEqual({ input: { total: 14, noCache: 14, cacheRead: 0, cacheWrite: 0 }, output: { total: 0, text: 0, reasoning: 0 } })
    expect(convertGeminiUsage(undefined)).toEqual(convertGeminiUsage({}))
  })
})

describe('convertToGeminiUsage', () => {
  test('recorded counters come back (details such as promptTokensDetails are not counters)', () => {
    const { promptTokensDetails: _details, serviceTier: _tier, cacheTokensDetails: _cache, ...counters } = cachedContentTokens.usageMetadata
    expect(convertToGeminiUsage(convertGeminiUsage(cachedContentTokens.usageMetadata))).toEqual(counters)
    const { promptTokensDetails: _textDetails, ...textCounters } = text.usageMetadata
    expect(convertToGeminiUsage(convertGeminiUsage(text.usageMetadata))).toEqual(textCounters)
  })

  test('toolUsePromptTokenCount, when known, is taken back out of the prompt', () => {
    const last = groundingChunks.at(-1).usageMetadata
    expect(convertToGeminiUsage(convertGeminiUsage(last), last.toolUsePromptTokenCount)).toEqual({
      promptTokenCount: 17,
      candidatesTokenCount: 241,
      toolUsePromptTokenCount: 102,
      thoughtsTokenCount: 412,
      totalTokenCount: 772,
    })
  })

  test('cache writes (Anthropic) are part of the prompt; zero counters are omitted', () => {
    const usage = { input: { total: 1500, noCache: 100, cacheRead: 1000, cacheWrite: 400 }, output: { total: 20, text: 20, reasoning: 0 } }
    expect(convertToGeminiUsage(usage)).toEqual({ promptTokenCount: 1500, cachedContentTokenCount: 1000, candidatesTokenCount: 20, totalTokenCount: 1520 })
  })
})
