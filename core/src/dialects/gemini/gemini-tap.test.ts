import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { createGeminiTap } from './gemini-tap'
import textResponse from './fixtures/text.response.json'

const context = { model: 'gemini-2.5-flash', requestId: 'r', includeUsage: true }
const read = async (name: string) => parseSse(await Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).text())

describe('createGeminiTap', () => {
  test('stream-text.sse: input usage from the first chunk, final usage and done on the finishReason chunk', async () => {
    const tap = createGeminiTap(context)
    expect((await read('stream-text.sse')).map((event) => tap.tap(event))).toEqual([
      { usage: { input: { total: 15, noCache: 15, cacheRead: 0, cacheWrite: 0 }, output: { total: 0, text: 0, reasoning: 0 } } },
      {},
      { usage: { input: { total: 13, noCache: 13, cacheRead: 0, cacheWrite: 0 }, output: { total: 8, text: 8, reasoning: 0 } }, done: true },
    ])
  })

  test('grounding stream: tool-use prompt tokens count as input; only two of ten chunks parsed', async () => {
    const tap = createGeminiTap(context)
    const results = (await read('stream-google-search-grounding.sse')).map((event) => tap.tap(event))
    expect(results.filter((result) => result.usage).length).toBe(2)
    expect(results.at(-1)).toEqual({ usage: { input: { total: 119, noCache: 119, cacheRead: 0, cacheWrite: 0 }, output: { total: 653, text: 241, reasoning: 412 } }, done: true })
  })

  test('an error frame ends the stream with its code; a blocked prompt is a clean end', () => {
    const tap = createGeminiTap(context)
    expect(tap.tap({ data: '{"error": {"code": 500, "message": "An internal error has occurred.", "status": "INTERNAL"}}' })).toEqual({
      error: { status: 500, message: 'An internal error has occurred.', type: 'INTERNAL' },
    })
    expect(createGeminiTap(context).tap({ data: '{"promptFeedback": {"blockReason": "SAFETY"},"usageMetadata": {"promptTokenCount": 8,"totalTokenCount": 8}}' })).toMatchObject({ done: true })
  })

  test('a quoted "finishReason" inside text is skipped; a text that is exactly "finishReason" is parsed, but is not the end', () => {
    const tap = createGeminiTap(context)
    tap.tap({ data: '{"candidates": [{"content": {"parts": [{"text": "a"}]}}]}' })
    expect(tap.tap({ data: '{"candidates": [{"content": {"parts": [{"text": "\\"finishReason\\": done"}]}}]}' })).toEqual({})
    const usageMetadata = '"usageMetadata": {"promptTokenCount": 3,"candidatesTokenCount": 1,"totalTokenCount": 4}'
    expect(tap.tap({ data: `{"candidates": [{"content": {"parts": [{"text": "finishReason"}]}}],${usageMetadata}}` })).toEqual({
      usage: { input: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, output: { total: 1, text: 1, reasoning: 0 } },
    })
  })

  test('usageFromBody (non-stream)', () => {
    expect(createGeminiTap(context).usageFromBody(textResponse)).toEqual({ input: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: 0 }, output: { total: 43, text: 9, reasoning: 34 } })
  })
})
