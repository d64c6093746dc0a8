import { describe, expect, test } from 'bun:test'
import { parseSse } from '../../sse/sse-parser'
import { createOpenAIChatTap } from './openai-chat-tap'

const fixture = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).text()
const tapAll = async (name: string, includeUsage: boolean) => {
  const { tap } = createOpenAIChatTap({ model: 'gpt-4o-mini', requestId: 'req_1', includeUsage })
  return parseSse(await fixture(name)).map((event) => tap(event))
}
const usage = { input: { total: 54, noCache: 54, cacheRead: 0, cacheWrite: 0 }, output: { total: 20, text: 20, reasoning: 0 } }

describe('createOpenAIChatTap', () => {
  test('usage chunk dropped when the client did not ask for usage; [DONE] is done (stream-tool-call-include-usage)', async () => {
    const results = await tapAll('stream-tool-call-include-usage.sse', false)
    expect(results.slice(0, -2).every((result) => Object.keys(result).length === 0)).toBe(true)
    expect(results.slice(-2)).toEqual([{ usage, drop: true }, { done: true }])
  })

  test('usage chunk kept when the client asked for usage', async () => {
    const results = await tapAll('stream-tool-call-include-usage.sse', true)
    expect(results.at(-2)).toEqual({ usage })
  })

  test('Azure stream: prompt_filter_results chunk and "usage":null chunks are not parsed as usage', async () => {
    const results = await tapAll('azure-stream-content-filter-results.sse', false)
    expect(results.filter((result) => result.usage !== undefined)).toEqual([
      { usage: { input: { total: 15, noCache: 15, cacheRead: 0, cacheWrite: 0 }, output: { total: 78, text: 14, reasoning: 64 } }, drop: true },
    ])
  })

  test('mid-stream error frame (stream-error-midstream)', async () => {
    const results = await tapAll('stream-error-midstream.sse', true)
    expect(results).toEqual([
      { error: { status: 502, message: 'The server experienced an error while processing your request. We apologize for the inconvenience!', type: 'server_error' } },
      { done: true },
    ])
  })

  test('only chunks with a usage object or an error are parsed', async () => {
    const { tap } = createOpenAIChatTap({ model: 'm', requestId: 'r', includeUsage: true })
    const parse = JSON.parse
    let parses = 0
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (parses++, parse(...args))
    try {
      for (const event of parseSse(await fixture('stream-text.sse'))) tap(event)
    } finally {
      JSON.parse = parse
    }
    expect(parses).toBe(1)
  })

  test('usageFromBody reads a chat.completion body', async () => {
    const body = JSON.parse(await fixture('cached-tokens.response.json'))
    const { usageFromBody } = createOpenAIChatTap({ model: 'm', requestId: 'r', includeUsage: false })
    expect(usageFromBody(body)).toEqual({ input: { total: 4020, noCache: 8, cacheRead: 4012, cacheWrite: 0 }, output: { total: 4, text: 4, reasoning: 0 } })
  })
})
