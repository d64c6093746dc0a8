import { afterEach, describe, expect, spyOn, test } from 'bun:test'
import { createUsage } from '../../canonical'
import { parseSse } from '../../sse/sse-parser'
import { createAnthropicMessagesTap } from './anthropic-messages-tap'

const context = { model: 'claude-haiku-4-5', requestId: 'req_1', includeUsage: false }
const sse = (name: string) => Bun.file(new URL(`./fixtures/${name}`, import.meta.url)).text()

async function tapAll(name: string) {
  const tap = createAnthropicMessagesTap(context)
  return parseSse(await sse(name)).map((event) => tap.tap(event))
}

afterEach(() => {
  ;(JSON.parse as unknown as { mockRestore?: () => void }).mockRestore?.()
})

describe('createAnthropicMessagesTap', () => {
  test('text stream: usage from message_start then message_delta, done on message_stop, nothing else', async () => {
    expect(await tapAll('stream-text.sse')).toEqual([
      { usage: createUsage({ noCache: 10, text: 2 }) },
      {},
      {},
      {},
      {},
      { usage: createUsage({ noCache: 10, text: 4 }) },
      { done: true },
    ])
  })

  test('usage is cumulative: the latest value of each counter wins; absent ones keep message_start values', async () => {
    const results = await tapAll('stream-code-execution-prompt-cache.sse')
    expect(results[0].usage).toEqual(createUsage({ noCache: 2, cacheWrite: 3068, text: 69 }))
    // the code-execution loop re-reports (larger) input and cache counters in message_delta
    expect(results.filter((result) => result.usage).at(-1)!.usage).toEqual(createUsage({ noCache: 6, cacheRead: 6289, cacheWrite: 3337, text: 198 }))
    const textThenTool = await tapAll('stream-text-then-tool-use.sse')
    expect(textThenTool.filter((result) => result.usage).at(-1)!.usage).toEqual(createUsage({ noCache: 377, text: 65 }))
  })

  test('parses only message_start, message_delta and error events (never content deltas)', async () => {
    const events = parseSse(await sse('stream-thinking.sse'))
    const parse = spyOn(JSON, 'parse')
    const tap = createAnthropicMessagesTap(context)
    for (const event of events) tap.tap(event)
    expect(parse).toHaveBeenCalledTimes(events.filter((event) => event.event === 'message_start' || event.event === 'message_delta').length)
    expect(parse.mock.calls.length).toBe(2)
  })

  test('an in-stream error event (overloaded mid-stream) ends the stream in error', async () => {
    expect(await tapAll('stream-error-overloaded-midstream.sse')).toEqual([{ error: { status: 503, message: 'Overloaded', type: 'overloaded_error' } }])
    const tap = createAnthropicMessagesTap(context)
    expect(tap.tap({ event: 'error', data: '{"type":"error","error":{"type":"api_error","message":"Internal server error"}}' })).toEqual({
      error: { status: 500, message: 'Internal server error', type: 'api_error' },
    })
  })

  test('usageFromBody reads a non-stream message', async () => {
    const body = await Bun.file(new URL('./fixtures/cache-read-and-write.response.json', import.meta.url)).json()
    expect(createAnthropicMessagesTap(context).usageFromBody(body)).toEqual(createUsage({ noCache: 3, cacheRead: 1111, cacheWrite: 418, text: 33 }))
  })
})
