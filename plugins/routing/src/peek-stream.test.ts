import { describe, expect, test } from 'bun:test'
import { peekStream, type StreamEnd } from './peek-stream'

const encoder = new TextEncoder()

/** A stream that sends the given chunks, then ends, fails or stalls. */
function upstream(chunks: string[], then: 'close' | 'fail' | 'stall' = 'close') {
  let cancelled = false
  let index = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) return controller.enqueue(encoder.encode(chunks[index++]))
      if (then === 'close') return controller.close()
      if (then === 'fail') return controller.error(new TypeError('connection reset'))
      return new Promise(() => {})
    },
    cancel() {
      cancelled = true
    },
  })
  return { body, cancelled: () => cancelled }
}

const read = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text()
const never = new AbortController().signal

describe('peekStream', () => {
  test('a healthy stream is replayed byte for byte; onEnd("ok") once at the end', async () => {
    const ends: StreamEnd[] = []
    const chunks = ['data: {"a":', '1}\n\nda', 'ta: {"b":2}\n\n', 'data: [DONE]\n\n']
    const stream = await peekStream(upstream(chunks).body, never, (end) => ends.push(end))
    expect(ends).toEqual([])
    expect(await read(stream)).toBe(chunks.join(''))
    expect(ends).toEqual(['ok'])
  })

  test('dead on arrival: ended before any byte → 502 upstream_empty_stream', async () => {
    await expect(peekStream(upstream([]).body, never, () => {})).rejects.toMatchObject({ status: 502, code: 'upstream_empty_stream' })
  })

  test('dead on arrival: failed before the first complete event → 502 upstream_stream_error, upstream cancelled', async () => {
    const source = upstream(['data: {"partial'], 'fail')
    await expect(peekStream(source.body, never, () => {})).rejects.toMatchObject({ status: 502, code: 'upstream_stream_error' })
  })

  test('a first event that is an error rejects with its status (Anthropic overloaded → 503)', async () => {
    const source = upstream(['event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n'])
    await expect(peekStream(source.body, never, () => {})).rejects.toMatchObject({ status: 503, message: 'Overloaded' })
    expect(source.cancelled()).toBe(true)
  })

  test('aborting the signal (attempt timeout) cancels a stalled peek', async () => {
    const timeout = new AbortController()
    const source = upstream([], 'stall')
    const peek = peekStream(source.body, timeout.signal, () => {})
    timeout.abort()
    await expect(peek).rejects.toMatchObject({ status: 502 })
    expect(source.cancelled()).toBe(true)
  })

  test('a failure after the first event is the client stream’s failure: onEnd("error")', async () => {
    const ends: StreamEnd[] = []
    const stream = await peekStream(upstream(['data: {"a":1}\n\n'], 'fail').body, never, (end) => ends.push(end))
    await expect(read(stream)).rejects.toThrow('connection reset')
    expect(ends).toEqual(['error'])
  })

  test('a client cancel reaches the upstream: onEnd("cancelled")', async () => {
    const ends: StreamEnd[] = []
    const source = upstream(['data: {"a":1}\n\n'], 'stall')
    const stream = await peekStream(source.body, never, (end) => ends.push(end))
    const reader = stream.getReader()
    await reader.read()
    await reader.cancel()
    expect(ends).toEqual(['cancelled'])
    expect(source.cancelled()).toBe(true)
  })
})
