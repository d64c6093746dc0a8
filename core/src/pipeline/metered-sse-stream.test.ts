import { describe, expect, test } from 'bun:test'
import { GatewayError } from '../errors/gateway-error'
import type { Outcome } from '../plugin/gateway-plugin'
import { createMeteredSseStream, type SseTransform } from './metered-sse-stream'

function body(chunks: string[], options: { failAfter?: number } = {}) {
  const encoder = new TextEncoder()
  let position = 0
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && position >= options.failAfter) return controller.error(new TypeError('reset'))
      if (position >= chunks.length) return controller.close()
      controller.enqueue(encoder.encode(chunks[position++]))
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, wasCancelled: () => cancelled }
}

/** Echo transform: `[DONE]` is the terminal, `ERR` an error terminal. */
function echoTransform(): SseTransform {
  let terminated = false
  let error: GatewayError | undefined
  return {
    event(event) {
      if (event.data === '[DONE]') terminated = true
      if (event.data === 'ERR') ((terminated = true), (error = new GatewayError({ status: 502, message: 'upstream' })))
      return `<${event.data}>`
    },
    end: () => ((terminated = true), '<truncated>'),
    fail: (failure) => ((terminated = true), (error = failure), '<failed>'),
    get terminated() {
      return terminated
    },
    get error() {
      return error
    },
  }
}

async function collect(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text()
}

function run(chunks: string[], options: { failAfter?: number } = {}) {
  const closes: Array<{ outcome: Outcome; error?: GatewayError }> = []
  const upstream = body(chunks, options)
  const stream = createMeteredSseStream({
    body: upstream.stream,
    transform: echoTransform(),
    onFirstByte: () => {},
    onClose: (outcome, error) => closes.push({ outcome, error }),
  })
  return { stream, closes, upstream }
}

describe('createMeteredSseStream', () => {
  test('normal end: events in order, close fires once with ok, the finished upstream is not cancelled', async () => {
    const { stream, closes, upstream } = run(['data: a\n\nda', 'ta: b\n\n', 'data: [DONE]\n\n'])
    expect(await collect(stream)).toBe('<a><b><[DONE]>')
    expect(closes).toEqual([{ outcome: 'ok', error: undefined }])
    await Bun.sleep(0)
    expect(upstream.wasCancelled()).toBe(false)
  })

  test('upstream ends without a terminal: the transform closes it', async () => {
    const { stream, closes } = run(['data: a\n\n'])
    expect(await collect(stream)).toBe('<a><truncated>')
    expect(closes).toHaveLength(1)
  })

  test('error terminal: stops reading, closes once with error', async () => {
    const { stream, closes, upstream } = run(['data: a\n\ndata: ERR\n\ndata: after\n\n', 'data: more\n\n', 'data: still more\n\n', 'data: and more\n\n'])
    expect(await collect(stream)).toBe('<a><ERR>')
    expect(closes.map((close) => close.outcome)).toEqual(['error'])
    await Bun.sleep(5) // the leftover upstream is discarded off the client's path
    expect(upstream.wasCancelled()).toBe(true)
  })

  test('upstream connection failure mid-stream: error terminal, close fires once with error', async () => {
    const { stream, closes } = run(['data: a\n\n', 'data: b\n\n'], { failAfter: 1 })
    expect(await collect(stream)).toBe('<a><failed>')
    expect(closes).toHaveLength(1)
    expect(closes[0].outcome).toBe('error')
    expect(closes[0].error?.code).toBe('upstream_stream_error')
  })

  test('client cancel: cancels the upstream body, close fires once with cancelled', async () => {
    const { stream, closes, upstream } = run(['data: a\n\n', 'data: b\n\n', 'data: [DONE]\n\n'])
    const reader = stream.getReader()
    await reader.read()
    await reader.cancel()
    await reader.cancel().catch(() => {})
    expect(closes.map((close) => close.outcome)).toEqual(['cancelled'])
    expect(upstream.wasCancelled()).toBe(true)
  })
})
