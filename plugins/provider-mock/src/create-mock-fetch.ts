import type { CanonicalEmbeddingRequest, CanonicalRequest, FetchFunction, StreamEvent } from '@tollgate/core'
import { generateMockEmbeddings } from './generate-mock-embeddings'
import { generateMockResponse } from './generate-mock-response'
import { readDirectives } from './read-directives'
import { mockStreamEvents } from './mock-stream-events'

export interface MockOptions {
  /** Characters per stream delta. @default 4 */
  chunkSize?: number
  /** Milliseconds between stream events (a `[[delay:N]]` directive overrides it). @default 0 */
  delayMs?: number
}

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Embeddings; an `[[error:N]]` directive in an input answers that HTTP error. */
function answerEmbeddings(request: CanonicalEmbeddingRequest): Response {
  const errorStatus = request.inputs.map((input) => (input.type === 'text' ? readDirectives(input.text).errorStatus : undefined)).find(Boolean)
  if (errorStatus) return json({ error: { message: `Mock error ${errorStatus} on demand` } }, errorStatus)
  return json(generateMockEmbeddings(request))
}

/**
 * The mock provider's transport: an in-process `fetch` whose wire format is the canonical form
 * itself (JSON responses, SSE of canonical events), so no network is involved.
 */
export function createMockFetch(options: MockOptions = {}): FetchFunction {
  const encoder = new TextEncoder()
  return async (input, init) => {
    if (String(input).endsWith('/embeddings')) return answerEmbeddings(JSON.parse(String(init?.body)))
    const request = JSON.parse(String(init?.body)) as CanonicalRequest
    const { response, directives } = generateMockResponse(request, request.model)
    if (directives.errorStatus) {
      const headers: Record<string, string> = directives.errorStatus === 429 ? { 'retry-after': '1' } : {}
      return new Response(JSON.stringify({ error: { message: `Mock error ${directives.errorStatus} on demand` } }), { status: directives.errorStatus, headers })
    }
    if (!request.stream) return json(response)

    let events: StreamEvent[] = mockStreamEvents(response, options.chunkSize ?? 4)
    if (directives.streamError) events = [...events.slice(0, 3), { type: 'error', error: { status: 503, type: 'overloaded_error', message: 'Mock stream error on demand' } }]
    const delayMs = directives.delayMs ?? options.delayMs ?? 0
    const signal = init?.signal
    let position = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (delayMs > 0 && position > 0) await sleep(delayMs, signal)
        if (signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'))
        if (directives.cut && position === 3) return controller.error(new TypeError('connection reset (mock [[cut]])'))
        if (position >= events.length) return controller.close()
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(events[position++])}\n\n`))
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
  }
}
