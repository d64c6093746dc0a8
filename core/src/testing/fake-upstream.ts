import type { FetchFunction } from '../plugin/provider-spec'

/** One scripted upstream answer. */
export interface FakeReply {
  status?: number
  headers?: Record<string, string>
  /** JSON body. */
  json?: unknown
  /** Raw body text sent as is (e.g. malformed JSON), with `content-type: application/json` unless `headers` say otherwise. */
  text?: string
  /** Raw SSE text (e.g. a recorded `.sse` fixture), sent one event at a time. */
  sse?: string
  /** Pause before each SSE event after the first. */
  eventDelayMs?: number
  /** Send only the first N events, then drop the connection. */
  cutAfterEvents?: number
  /** Send only the first N events, then stall (no more bytes) until the request is aborted. */
  hangAfterEvents?: number
  /** Hold the answer until this promise settles (keeps requests in flight while a test looks). */
  release?: Promise<unknown>
  /** Fail before answering: `connection` (refused) or `hang` (never answers until aborted). */
  failure?: 'connection' | 'hang'
}

export interface RecordedRequest {
  url: string
  method: string
  headers: Record<string, string>
  body: any
  /** Set when the gateway aborted this request (client went away). */
  aborted: boolean
  abortedAt?: number
}

/** Split SSE text into its events, keeping each event's exact bytes. */
export function splitSseEvents(text: string): string[] {
  return text.split(/(?<=\r\n\r\n|\n\n|\r\r)/).filter((event) => event.trim() !== '')
}

/**
 * A fake provider endpoint for tests: a `fetch` function that replays scripted or recorded
 * answers, records every request it got, and injects failures on demand. No port is opened.
 */
export function createFakeUpstream(defaultReply?: FakeReply) {
  const queue: FakeReply[] = []
  const queuesByURL = new Map<string, FakeReply[]>()
  const requests: RecordedRequest[] = []
  const takeReply = (url: string) => {
    for (const [match, replies] of queuesByURL) if (url.includes(match) && replies.length > 0) return replies.shift()
    return queue.shift() ?? defaultReply
  }
  const encoder = new TextEncoder()

  const fetch: FetchFunction = async (input, init) => {
    const headers: Record<string, string> = {}
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value))
    const text = typeof init?.body === 'string' ? init.body : ''
    const recorded: RecordedRequest = { url: String(input), method: init?.method ?? 'GET', headers, body: text ? JSON.parse(text) : undefined, aborted: false }
    requests.push(recorded)
    const signal = init?.signal
    signal?.addEventListener('abort', () => ((recorded.aborted = true), (recorded.abortedAt = performance.now())), { once: true })

    const reply = takeReply(recorded.url)
    if (!reply) throw new Error('fake upstream: no reply scripted')
    const aborted = () => new Promise<void>((resolve) => (signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true })))
    if (reply.release) {
      await Promise.race([reply.release, aborted()])
      if (signal?.aborted) throw new DOMException('aborted', 'AbortError')
    }
    if (reply.failure === 'connection') throw new TypeError('fetch failed: connection refused')
    if (reply.failure === 'hang') {
      await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }))
    }
    const status = reply.status ?? 200
    if (reply.sse === undefined) {
      const text = reply.text ?? (reply.json === undefined ? null : JSON.stringify(reply.json))
      return new Response(text, { status, headers: { 'content-type': 'application/json', ...reply.headers } })
    }
    const events = splitSseEvents(reply.sse)
    let position = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'))
        if (reply.cutAfterEvents !== undefined && position >= reply.cutAfterEvents) return controller.error(new TypeError('connection reset'))
        if (reply.hangAfterEvents !== undefined && position >= reply.hangAfterEvents) {
          await aborted()
          return controller.error(new DOMException('aborted', 'AbortError'))
        }
        if (position >= events.length) return controller.close()
        if (reply.eventDelayMs && position > 0) await new Promise((resolve) => setTimeout(resolve, reply.eventDelayMs))
        controller.enqueue(encoder.encode(events[position++]))
      },
      cancel() {
        recorded.aborted = true
        recorded.abortedAt ??= performance.now()
      },
    })
    return new Response(body, { status, headers: { 'content-type': 'text/event-stream', ...reply.headers } })
  }

  return {
    fetch,
    requests,
    /** Script the next answer(s), consumed in order. */
    reply(...replies: FakeReply[]) {
      queue.push(...replies)
      return this
    },
    /** Script answers for requests whose URL contains `match` (e.g. one deployment's base URL); they go before the shared queue. */
    replyTo(match: string, ...replies: FakeReply[]) {
      queuesByURL.set(match, [...(queuesByURL.get(match) ?? []), ...replies])
      return this
    },
    /** The requests whose URL contains `match`. */
    requestsTo(match: string): RecordedRequest[] {
      return requests.filter((request) => request.url.includes(match))
    },
    get lastRequest(): RecordedRequest | undefined {
      return requests[requests.length - 1]
    },
  }
}

export type FakeUpstream = ReturnType<typeof createFakeUpstream>
