import type { createTestGateway } from '../helpers/create-test-gateway'
import type { InboundDialect } from './conformance-cases'
import type { SchemaSpec, ToolSpec } from './upstream-recordings'

export type TestGateway = ReturnType<typeof createTestGateway>

/** What a cell asks of the client, in dialect-neutral terms; each driver builds its own request from it. */
export interface ClientRequest {
  model: string
  stream: boolean
  prompt: string
  tools?: ToolSpec[]
  image?: { mediaType: string; data: string }
  schema?: SchemaSpec
  reasoning?: boolean
}

export interface ClientToolCall {
  id: string
  name: string
  arguments: unknown
}

/** What the client saw, read the way a client of that dialect reads it (through its official SDK). */
export interface ClientAnswer {
  status: number
  headers: Headers
  /** The error body, when the gateway refused. */
  error?: unknown
  text: string
  toolCalls: ClientToolCall[]
  reasoningText: string
  /** Opaque reasoning state the client holds and will send back. */
  reasoningStates: string[]
  /** The dialect's finish reason, normalised. */
  finish: 'stop' | 'tool-calls' | 'length' | 'other'
  usage: { input: number; output: number }
}

export interface NextTurn {
  /** The result the client sends for each tool call of the previous answer. */
  result?: (call: ClientToolCall, index: number) => string
  /** A follow-up user message (when the previous answer called no tool). */
  followUp?: string
}

export interface Conversation {
  answer: ClientAnswer
  /** The second turn: the assistant turn replayed as the client kept it, then tool results or a follow-up. */
  next(turn: NextTurn): Promise<ClientAnswer>
}

/** One per inbound dialect: builds the request, reads the answer, and plays the second turn. */
export interface ClientDriver {
  dialect: InboundDialect
  start(gateway: TestGateway, request: ClientRequest): Promise<Conversation>
}

/**
 * The gateway's `fetch` for an SDK, remembering the last response it gave (status, headers and,
 * for errors, the body) so a driver can report what the client got even when the SDK throws.
 */
export function observedFetch(gateway: TestGateway) {
  const observed = { status: 0, headers: new Headers(), error: undefined as unknown }
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await gateway.fetch(input, init)
    observed.status = response.status
    observed.headers = response.headers
    observed.error = response.ok ? undefined : await response.clone().json().catch(() => undefined)
    return response
  }) as typeof globalThis.fetch
  return { fetch, observed }
}

/** The answer of a request the gateway refused (the SDK threw). */
export function refusedAnswer(observed: ReturnType<typeof observedFetch>['observed'], thrown: unknown): ClientAnswer {
  if (observed.status < 400) throw thrown
  return { status: observed.status, headers: observed.headers, error: observed.error, text: '', toolCalls: [], reasoningText: '', reasoningStates: [], finish: 'other', usage: { input: 0, output: 0 } }
}

export const dataURL = (image: { mediaType: string; data: string }) => `data:${image.mediaType};base64,${image.data}`
