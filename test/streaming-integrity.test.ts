import { describe, expect, test } from 'bun:test'
import { openai } from '@tollgate/provider-openai'
import { createTestGateway, readFixture } from './helpers/create-test-gateway'
import { readSse } from './helpers/fixture-text'

/** An upstream whose events are released one by one by the test. */
function controlledUpstream() {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  return {
    fetch: async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    send: (event: string) => controller.enqueue(encoder.encode(event)),
    close: () => controller.close(),
  }
}

const chat = (model: string, extra: Record<string, unknown> = {}) => ({ model, stream: true, messages: [{ role: 'user', content: 'hi' }], ...extra })

describe('streaming integrity', () => {
  for (const crossDialect of [false, true]) {
    test(`first byte reaches the client before the upstream ends (${crossDialect ? 'cross-dialect' : 'fast path'})`, async () => {
      const upstream = controlledUpstream()
      const gateway = createTestGateway({ providers: [openai({ apiKey: 'k', fetch: upstream.fetch })] })
      const events = (await readFixture('openai-chat/stream-text.sse')).split('\n\n').filter(Boolean).map((event) => `${event}\n\n`)
      upstream.send(events[0])
      const response = crossDialect
        ? await gateway.post('/v1/messages', { ...chat('gpt-4o'), max_tokens: 64 })
        : await gateway.post('/v1/chat/completions', chat('gpt-4o'))
      const reader = response.body!.getReader()
      // Only the first upstream event has been released: if the gateway buffered, this read would never resolve.
      const first = await reader.read()
      expect(first.done).toBe(false)
      expect(new TextDecoder().decode(first.value)).toContain(crossDialect ? 'message_start' : 'chat.completion.chunk')
      for (const event of events.slice(1)) upstream.send(event)
      upstream.close()
      while (!(await reader.read()).done) {}
      expect((await gateway.waitForFinishes(1))[0].info.outcome).toBe('ok')
    })
  }

  test('client abort aborts the upstream and fires finish once, with partial usage', async () => {
    const gateway = createTestGateway()
    gateway.anthropicUpstream.reply({ sse: await readFixture('anthropic/stream-thinking.sse'), eventDelayMs: 30 })
    const abort = new AbortController()
    const response = await gateway.post('/v1/chat/completions', chat('claude-haiku-4-5'), {}, abort.signal)
    const reader = response.body!.getReader()
    await reader.read()
    await reader.read()
    abort.abort()
    await reader.cancel()
    const finishes = await gateway.waitForFinishes(1)
    await Bun.sleep(50)
    expect(gateway.finishes).toHaveLength(1)
    expect(finishes[0].info.outcome).toBe('cancelled')
    expect(finishes[0].info.usage?.input.total).toBe(46)
    expect(finishes[0].info.usage?.output.total).toBeGreaterThan(0)
    expect(gateway.anthropicUpstream.lastRequest!.aborted).toBe(true)
  })

  test('upstream cut mid-stream: OpenAI client gets an error frame and no [DONE]', async () => {
    const gateway = createTestGateway()
    gateway.openaiUpstream.reply({ sse: await readFixture('openai-chat/stream-text.sse'), cutAfterEvents: 3 })
    const events = await readSse(await gateway.post('/v1/chat/completions', chat('gpt-4o')))
    const last = events[events.length - 1]
    expect(JSON.parse(last.data).error).toMatchObject({ type: 'upstream_error' })
    expect(events.some((event) => event.data === '[DONE]')).toBe(false)
    const [finish] = await gateway.waitForFinishes(1)
    expect(finish.info.outcome).toBe('error')
  })

  test('upstream cut mid-stream: Anthropic client gets event: error and no message_stop (cross-dialect)', async () => {
    const gateway = createTestGateway()
    gateway.openaiUpstream.reply({ sse: await readFixture('openai-chat/stream-text.sse'), cutAfterEvents: 3 })
    const events = await readSse(await gateway.post('/v1/messages', { ...chat('gpt-4o'), max_tokens: 64 }))
    expect(events[events.length - 1].event).toBe('error')
    expect(JSON.parse(events[events.length - 1].data)).toMatchObject({ type: 'error', error: { type: expect.any(String) } })
    expect(events.some((event) => event.event === 'message_stop')).toBe(false)
    expect((await gateway.waitForFinishes(1))[0].info.outcome).toBe('error')
  })

  test('upstream stream that just ends (no terminal) is reported as an error, not a clean end (fast path)', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-text.sse')
    gateway.anthropicUpstream.reply({ sse: sse.slice(0, sse.indexOf('event: message_delta')) })
    const events = await readSse(await gateway.post('/v1/messages', { ...chat('claude-haiku-4-5'), max_tokens: 64 }))
    expect(events[events.length - 1].event).toBe('error')
    expect((await gateway.waitForFinishes(1))[0].info.outcome).toBe('error')
  })

  test('in-stream upstream error event is forwarded and the request ends in error', async () => {
    const gateway = createTestGateway()
    const sse = await readFixture('anthropic/stream-text.sse')
    const overloaded = 'event: error\ndata: {"type":"error","error":{"details":null,"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011Ce3HwQb6vtbs9LQVmh4oe"}\n\n'
    gateway.anthropicUpstream.reply({ sse: sse.slice(0, sse.indexOf('event: content_block_stop')) + overloaded })
    const events = await readSse(await gateway.post('/v1/chat/completions', chat('claude-haiku-4-5')))
    expect(JSON.parse(events[events.length - 1].data).error.message).toContain('Overloaded')
    expect((await gateway.waitForFinishes(1))[0].info.outcome).toBe('error')
  })
})
