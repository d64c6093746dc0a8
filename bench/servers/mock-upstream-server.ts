/**
 * Mock LLM upstream for the bench (its own process): OpenAI `POST /v1/chat/completions`
 * (JSON or a 20-event SSE stream) and Anthropic `POST /v1/messages` (JSON or a 21-event SSE
 * stream), paced by `read-mock-directives`. Each stream event is a separate write (one per stream per
 * event-loop turn, or per `interval`), like a real provider emitting tokens. Plain Bun.serve so the baseline is as cheap as it gets.
 */
import { linkToParent } from './child-process-link'
import { anthropicMessageBody, anthropicStreamEvents } from './mock-anthropic-payloads'
import { openAICompletionBody, openAIStreamEvents } from './mock-openai-payloads'
import { readMockDirectives, type MockDirectives } from './read-mock-directives'

let turn: Promise<void> | undefined
/** One promise per event-loop turn, shared by every stream waiting for it (cheap pacing). */
const nextTurn = () => (turn ??= new Promise<void>((resolve) => setImmediate(() => ((turn = undefined), resolve()))))

function streamEvents(events: Uint8Array[], intervalMs: number): Response {
  const source: Bun.DirectUnderlyingSource = {
    type: 'direct',
    async pull(controller: ReadableStreamDirectController) {
      try {
        for (let index = 0; index < events.length; index++) {
          if (index > 0) await (intervalMs > 0 ? Bun.sleep(intervalMs) : nextTurn())
          if ((await controller.write(events[index])) === 0) return // the client went away
          controller.flush()
        }
        controller.close()
      } catch {
        // the client went away mid-write
      }
    },
  }
  // Bun's direct stream: writes go straight to the socket, no chunk queue (lib.dom's overloads hide it)
  return new Response(new ReadableStream(source as never), { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': 'req_mock' } })
}

const json = (body: Uint8Array<ArrayBuffer>) => new Response(body, { headers: { 'content-type': 'application/json', 'x-request-id': 'req_mock' } })

async function answer(request: Request, respond: (body: any, directives: MockDirectives) => Response): Promise<Response> {
  let body: any
  try {
    body = await request.json()
  } catch {
    return Response.json({ error: { message: 'invalid JSON body', type: 'invalid_request_error' } }, { status: 400 })
  }
  const directives = readMockDirectives(request.headers, body?.model)
  if (directives.latencyMs > 0) await Bun.sleep(directives.latencyMs)
  return respond(body, directives)
}

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  idleTimeout: 120,
  fetch(request) {
    const path = new URL(request.url).pathname
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      return answer(request, (body, directives) =>
        body?.stream === true
          ? streamEvents(body.stream_options?.include_usage === true ? openAIStreamEvents.withUsage : openAIStreamEvents.withoutUsage, directives.intervalMs)
          : json(openAICompletionBody),
      )
    }
    if (request.method === 'POST' && path === '/v1/messages') {
      return answer(request, (body, directives) => (body?.stream === true ? streamEvents(anthropicStreamEvents, directives.intervalMs) : json(anthropicMessageBody)))
    }
    if (path === '/health') return new Response('ok')
    return Response.json({ error: { message: `no route ${request.method} ${path}`, type: 'invalid_request_error' } }, { status: 404 })
  },
})

linkToParent(server.port!)
