import { createSseParser, GatewayError } from '@tollgate/core'
import { readStreamError } from './read-stream-error'

/** How a watched stream ended: cleanly, by an upstream failure, or because the client went away. */
export type StreamEnd = 'ok' | 'error' | 'cancelled'

const EVENT_END = /\r\n\r\n|\n\n|\r\r/
const MAX_PEEK_CHARACTERS = 1 << 20

const deadOnArrival = (code: string, message: string) => new GatewayError({ status: 502, type: 'upstream_error', code, message })

/**
 * Read a stream up to its first complete SSE event, before anything reaches the client: a
 * stream that fails or ends before it, or whose first event is an error, rejects like an
 * upstream error (so it can be retried elsewhere). Otherwise resolves with a stream that replays
 * the peeked bytes and then continues from the upstream, calling `onEnd` exactly once.
 * Aborting `signal` (the attempt timeout) cancels the peek.
 */
export async function peekStream(body: ReadableStream<Uint8Array>, signal: AbortSignal, onEnd: (end: StreamEnd) => void): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  const decoder = new TextDecoder()
  let text = ''
  let finished = false
  const cancel = () => void reader.cancel().catch(() => {})
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>
      try {
        result = await reader.read()
      } catch {
        throw deadOnArrival('upstream_stream_error', 'The upstream stream failed before its first event')
      }
      if (result.done) {
        if (chunks.length === 0) throw deadOnArrival('upstream_empty_stream', 'The upstream stream ended before its first event')
        finished = true
        break
      }
      chunks.push(result.value)
      text += decoder.decode(result.value, { stream: true })
      if (EVENT_END.test(text) || text.length > MAX_PEEK_CHARACTERS) break
    }
    const [first] = createSseParser().push(text)
    const error = first && readStreamError(first)
    if (error) throw error
  } catch (error) {
    cancel()
    throw error
  } finally {
    signal.removeEventListener('abort', cancel)
  }

  let ended = false
  const end = (how: StreamEnd) => {
    if (ended) return
    ended = true
    onEnd(how)
  }
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const peeked = chunks.shift()
        if (peeked) return controller.enqueue(peeked)
        if (finished) return controller.close(), end('ok')
        try {
          const { done, value } = await reader.read()
          if (done) return controller.close(), end('ok')
          controller.enqueue(value)
        } catch (error) {
          end('error')
          controller.error(error)
        }
      },
      cancel(reason) {
        end('cancelled')
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
