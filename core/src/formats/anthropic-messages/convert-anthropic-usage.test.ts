import { describe, expect, test } from 'bun:test'
import { convertAnthropicUsage, mergeAnthropicUsage, toAnthropicUsage } from './convert-anthropic-usage'

describe('convertAnthropicUsage', () => {
  test('input_tokens is the uncached part; cache reads and writes add to the input total', () => {
    // cache-read-and-write.response.json usage
    const usage = convertAnthropicUsage({ input_tokens: 3, cache_creation_input_tokens: 418, cache_read_input_tokens: 1111, output_tokens: 33, service_tier: 'standard' })
    expect(usage).toEqual({ input: { total: 1532, noCache: 3, cacheRead: 1111, cacheWrite: 418 }, output: { total: 33, text: 33, reasoning: 0 } })
  })

  test('missing and null counters count as zero', () => {
    expect(convertAnthropicUsage({ output_tokens: 65, cache_read_input_tokens: null })).toEqual({
      input: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
      output: { total: 65, text: 65, reasoning: 0 },
    })
    expect(convertAnthropicUsage(undefined).input.total).toBe(0)
  })

  test('output_tokens_details.thinking_tokens, when sent, is the reasoning part of the output', () => {
    expect(convertAnthropicUsage({ input_tokens: 6, output_tokens: 198, output_tokens_details: { thinking_tokens: 120 } }).output).toEqual({ total: 198, text: 78, reasoning: 120 })
  })

  test('canonical → Anthropic counters (output includes reasoning)', () => {
    const usage = { input: { total: 110, noCache: 10, cacheRead: 60, cacheWrite: 40 }, output: { total: 50, text: 30, reasoning: 20 } }
    expect(toAnthropicUsage(usage)).toEqual({ input_tokens: 10, cache_creation_input_tokens: 40, cache_read_input_tokens: 60, output_tokens: 50 })
    expect(convertAnthropicUsage(toAnthropicUsage(usage)).input).toEqual(usage.input)
  })
})

describe('mergeAnthropicUsage', () => {
  test('keeps the latest non-null value of each counter', () => {
    const start = { input_tokens: 2, cache_creation_input_tokens: 3068, cache_read_input_tokens: 0, output_tokens: 69 }
    // message_delta of stream-text-then-tool-use: only output_tokens
    expect(mergeAnthropicUsage(start, { output_tokens: 304 })).toEqual({ ...start, output_tokens: 304, output_tokens_details: undefined })
    expect(mergeAnthropicUsage(start, { input_tokens: 4714, cache_read_input_tokens: null, output_tokens: 304 })).toEqual({
      input_tokens: 4714,
      cache_creation_input_tokens: 3068,
      cache_read_input_tokens: 0,
      output_tokens: 304,
    })
    expect(mergeAnthropicUsage(start, undefined)).toBe(start)
  })
})
