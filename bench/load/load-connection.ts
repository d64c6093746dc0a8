import type { Socket } from 'bun'
import { createBodyTail } from './body-tail'
import { createHttpResponseParser } from './http-response-parser'
import type { LoadRequest } from './load-request'

/** One request's timings (performance.now() ms) and outcome. */
export interface CompletedRequest {
  request: LoadRequest
  startedAt: number
  /** First body byte (0 when the body was empty). */
  firstByteAt: number
  endedAt: number
  status: number
  /** Why the request counts as failed; undefined when it succeeded. */
  failure?: string
}

export interface LoadConnectionEvents {
  /** The response arrived in full, or the request failed. */
  done(result: CompletedRequest): void
  /** The first body byte of the response in flight arrived. */
  firstByte?(): void
  /** The socket closed (by either side). */
  closed(): void
}

const encoded = new WeakMap<LoadRequest, Uint8Array>()
const bytesOf = (request: LoadRequest) => encoded.get(request) ?? encoded.set(request, new TextEncoder().encode(request.raw)).get(request)!

/**
 * One keep-alive TCP connection that carries one request at a time: raw bytes out, an
 * incremental HTTP parser in. Cheaper than fetch, and the connection count is exact.
 */
export async function openLoadConnection(port: number, events: LoadConnectionEvents) {
  let current: CompletedRequest | undefined
  let pending: Uint8Array | undefined
  let closing = false
  let open = true
  let closeAfter = false
  const body = createBodyTail()

  function complete(failure?: string) {
    const result = current!
    current = undefined
    result.endedAt = performance.now()
    if (!failure && result.status !== 200) failure = `HTTP ${result.status}: ${body.head.slice(0, 300)}`
    if (!failure && result.request.terminal && !body.text().includes(result.request.terminal)) {
      failure = `stream ended without ${result.request.terminal}: …${body.text().slice(-100)}`
    }
    result.failure = failure
    events.done(result)
  }

  const parser = createHttpResponseParser({
    head(status, close) {
      if (current) current.status = status
      closeAfter = close
    },
    body(bytes) {
      if (!current) return
      if (current.firstByteAt === 0) {
        current.firstByteAt = performance.now()
        events.firstByte?.()
      }
      body.push(bytes)
    },
    end() {
      if (current) complete()
      if (closeAfter) socket.end()
    },
  })

  function write(socket: Socket<undefined>) {
    if (!pending) return
    const written = socket.write(pending)
    pending = written >= pending.length ? undefined : pending.subarray(Math.max(written, 0))
  }

  const socket = await Bun.connect({
    hostname: '127.0.0.1',
    port,
    socket: {
      data: (_socket, data) => parser.push(data),
      drain: write,
      close() {
        open = false
        if (current) complete(closing ? 'cancelled by the load generator' : 'connection closed mid-response')
        events.closed()
      },
      error() {},
    },
  })

  return {
    send(request: LoadRequest) {
      body.reset()
      current = { request, startedAt: performance.now(), firstByteAt: 0, endedAt: 0, status: 0 }
      pending = bytesOf(request)
      write(socket)
    },
    get busy() {
      return current !== undefined
    },
    get open() {
      return open
    },
    close() {
      closing = true
      socket.terminate()
    },
  }
}

export type LoadConnection = Awaited<ReturnType<typeof openLoadConnection>>
