import { GatewayError } from '../errors/gateway-error'
import type { Outcome } from '../plugin/gateway-plugin'
import { createSseParser, type SseEvent } from '../sse/sse-parser'

/** Turns upstream SSE events into client bytes; knows when the stream has reached its terminal. */
export interface SseTransform {
  event(event: SseEvent): string
  /** Upstream ended: the terminal to send if none was seen yet. */
  end(): string
  /** Upstream connection failed mid-stream: the dialect's error terminal. */
  fail(error: GatewayError): string
  readonly terminated: boolean
  /** The terminal was an error. */
  readonly error?: GatewayError
  /** Content type of the client stream. @default 'text/event-stream; charset=utf-8' */
  readonly contentType?: string
}

export interface MeteredStreamOptions {
  body: ReadableStream<Uint8Array>
  transform: SseTransform
  onFirstByte(): void
  /** Called exactly once: normal end, upstream error or client cancel. */
  onClose(outcome: Outcome, error?: GatewayError): void
}

const midStreamFailure = () =>
  new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_stream_error', message: 'The upstream connection failed mid-stream' })

/**
 * Pull-based stream from upstream to client: one upstream chunk per pull (no buffering beyond
 * the SSE line in progress), metering on the side, and a close callback that fires exactly once.
 * Every way out (end, error terminal, failure, client cancel) cancels the upstream body.
 */
export function createMeteredSseStream(options: MeteredStreamOptions): ReadableStream<Uint8Array> {
  const { transform } = options
  const reader = options.body.getReader()
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  const parser = createSseParser()
  let closed = false
  let sentFirstByte = false

  function close(outcome: Outcome, error?: GatewayError) {
    if (closed) return
    closed = true
    options.onClose(outcome, error)
  }

  function send(controller: ReadableStreamDefaultController<Uint8Array>, text: string) {
    if (text === '') return false
    if (!sentFirstByte) {
      sentFirstByte = true
      options.onFirstByte()
    }
    controller.enqueue(encoder.encode(text))
    return true
  }

  function finishStream(controller: ReadableStreamDefaultController<Uint8Array>, upstreamDone: boolean) {
    controller.close()
    // A terminal seen before the upstream closed: the rest is discarded off the client's path
    // (usually the upstream is already done and this costs one read, keeping the connection reusable).
    if (!upstreamDone) reader.read().then((next) => (next.done ? undefined : reader.cancel()), () => {})
    close(transform.error ? 'error' : 'ok', transform.error)
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const { done, value } = await reader.read()
            if (closed) return
            let text = ''
            if (done) {
              for (const event of parser.push(decoder.decode())) text += transform.event(event)
              if (!transform.terminated) text += transform.end()
              send(controller, text)
              return finishStream(controller, true)
            }
            for (const event of parser.push(decoder.decode(value, { stream: true }))) {
              text += transform.event(event)
              if (transform.terminated) break
            }
            const sent = send(controller, text)
            if (transform.terminated) return finishStream(controller, false)
            if (sent) return
          }
        } catch {
          if (closed) return
          const error = midStreamFailure()
          send(controller, transform.fail(error))
          controller.close()
          reader.cancel().catch(() => {})
          close('error', transform.error ?? error)
        }
      },
      /** The client went away: cancelling the upstream body closes the upstream connection. */
      cancel() {
        reader.cancel().catch(() => {})
        close('cancelled')
      },
    },
    { highWaterMark: 0 },
  )
}
