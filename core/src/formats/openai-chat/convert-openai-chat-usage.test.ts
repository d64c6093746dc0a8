import { describe, expect, test } from 'bun:test'
import { convertOpenAIChatUsage, convertToOpenAIChatUsage } from './convert-openai-chat-usage'
import cachedTokens from './fixtures/cached-tokens.response.json'
import reasoningO3Mini from './fixtures/reasoning-o3-mini.response.json'
import responseText from './fixtures/response-text.response.json'

const azureChunks = (await Bun.file(new URL('./fixtures/azure-stream-content-filter-results.chunks.jsonl', import.meta.url)).text())
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line))

describe('convertOpenAIChatUsage', () => {
  test('cached tokens are part of prompt_tokens: noCache = prompt - cached', () => {
    expect(convertOpenAIChatUsage(cachedTokens.usage)).toEqual({
      input: { total: 4020, noCache: 8, cacheRead: 4012, cacheWrite: 0 },
      output: { total: 4, text: 4, reasoning: 0 },
    })
  })

  test('reasoning tokens are part of completion_tokens (o3-mini)', () => {
    expect(convertOpenAIChatUsage(reasoningO3Mini.usage)).toEqual({
      input: { total: 11, noCache: 11, cacheRead: 0, cacheWrite: 0 },
      output: { total: 809, text: 41, reasoning: 768 },
    })
  })

  test('older usage shape without prompt_tokens_details', () => {
    expect(convertOpenAIChatUsage(responseText.usage)).toEqual({
      input: { total: 14, noCache: 14, cacheRead: 0, cacheWrite: 0 },
      output: { total: 37, text: 37, reasoning: 0 },
    })
  })

  test('Azure stream usage chunk (reasoning model)', () => {
    expect(convertOpenAIChatUsage(azureChunks.at(-1).usage)).toEqual({
      input: { total: 15, noCache: 15, cacheRead: 0, cacheWrite: 0 },
      output: { total: 78, text: 14, reasoning: 64 },
    })
  })

  test('cache_write_tokens (OpenAI-compatible servers) are counted apart from noCache', () => {
    const usage = convertOpenAIChatUsage({ prompt_tokens: 100, completion_tokens: 5, prompt_tokens_details: { cached_tokens: 30, cache_write_tokens: 50 } })
    expect(usage.input).toEqual({ total: 100, noCache: 20, cacheRead: 30, cacheWrite: 50 })
  })

  test('missing or null usage is zero', () => {
    expect(convertOpenAIChatUsage(null)).toEqual(convertOpenAIChatUsage({}))
    expect(convertOpenAIChatUsage(undefined).input.total).toBe(0)
  })
})

describe('convertToOpenAIChatUsage', () => {
  test('round-trips a recorded usage (the fields OpenAI clients read)', () => {
    expect(convertToOpenAIChatUsage(convertOpenAIChatUsage(reasoningO3Mini.usage))).toEqual({
      prompt_tokens: 11,
      completion_tokens: 809,
      total_tokens: 820,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 768 },
    })
  })

  test('cache_write_tokens appears only when there were cache writes', () => {
    const usage = { input: { total: 1500, noCache: 100, cacheRead: 1000, cacheWrite: 400 }, output: { total: 20, text: 20, reasoning: 0 } }
    expect(convertToOpenAIChatUsage(usage).prompt_tokens_details).toEqual({ cached_tokens: 1000, cache_write_tokens: 400 })
    expect(convertToOpenAIChatUsage(usage).total_tokens).toBe(1520)
  })
})
