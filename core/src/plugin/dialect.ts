import type { CanonicalRequest, CanonicalResponse, StreamEvent } from '../canonical'
import type { GatewayError } from '../errors/gateway-error'
import type { SseEvent } from '../sse/sse-parser'
import type { Usage } from '../canonical/usage'

export interface RenderContext {
  /** The model name to show the client (what it asked for). */
  model: string
  requestId: string
  /** OpenAI: the client asked for `stream_options.include_usage`. */
  includeUsage: boolean
  /** Dialect-specific rendering options read from the request (e.g. Gemini `alt=sse` vs JSON array). */
  options?: Record<string, unknown>
  /**
   * Prices a final usage (USD), present only when a plugin prices usage: fast-path taps call it
   * on the event carrying the final usage and put the cost into that event (`TapResult.data`).
   */
  priceUsage?(usage: Usage): number | undefined
}

/** What a request asks for, wherever the dialect keeps it (body for OpenAI/Anthropic, URL for Gemini). */
export interface RequestTarget {
  model: string
  stream: boolean
  includeUsage: boolean
  /** The output token limit the client asked for, if any (admission control reserves against it). */
  maxOutputTokens?: number
  options?: Record<string, unknown>
}

export interface StreamRenderer {
  /** Text for one canonical event ('' when the dialect has nothing to say). */
  render(event: StreamEvent): string
  /** Content type of the stream. @default 'text/event-stream; charset=utf-8' */
  contentType?: string
}

/** What a fast-path tap learns from one upstream event of the dialect's own wire format. */
export interface TapResult {
  /** Drop this event from the client's stream (e.g. the usage chunk the gateway injected). */
  drop?: boolean
  usage?: Usage
  /** The event is an in-stream error: the stream ends in error. */
  error?: { status: number; message: string; type?: string }
  /** The event is the dialect's clean terminal (OpenAI [DONE], Anthropic message_stop). */
  done?: boolean
  /** The event's data to forward instead of the upstream's (the final usage with its `cost` added). */
  data?: string
}

/** An inbound API dialect: converts client wire format to canonical and back. Lives in core. */
export interface Dialect {
  id: string
  /** Model and stream flag of a request. @default body.model, body.stream, body.stream_options.include_usage */
  readTarget?(body: any, request: { url: string; params: Record<string, string> }): RequestTarget
  toCanonical(body: any, headers: Headers, target?: RequestTarget): CanonicalRequest
  /** Whether the same-format fast path can serve this request as is. @default true */
  canPassThrough?(target: RequestTarget): boolean
  renderResponse(response: CanonicalResponse, context: RenderContext): unknown
  createStreamRenderer(context: RenderContext): StreamRenderer
  renderError(error: GatewayError): { status: number; body: unknown; headers?: Record<string, string> }
  /** Fast path: read usage/errors from the provider's native events of this same format. */
  createTap(context: RenderContext): {
    tap(event: SseEvent): TapResult
    usageFromBody(body: any): Usage
    /** Fast path, JSON: write the request's cost (USD) into the upstream body's usage object. */
    addCostToBody?(body: any, cost: number): void
  }
}
