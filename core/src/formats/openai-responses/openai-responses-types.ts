/**
 * Minimal, tolerant types of the OpenAI Responses wire format (`POST /v1/responses`). Only the
 * fields the gateway reads or writes are named; everything else is allowed through.
 */

export interface OpenAIResponsesUsage {
  /** Includes `input_tokens_details.cached_tokens`. */
  input_tokens?: number
  input_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; [key: string]: unknown } | null
  /** Includes `output_tokens_details.reasoning_tokens`. */
  output_tokens?: number
  output_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown } | null
  total_tokens?: number
  [key: string]: unknown
}

export interface OpenAIResponsesSummaryText {
  type: 'summary_text'
  text: string
  [key: string]: unknown
}

export interface OpenAIResponsesReasoningItem {
  type: 'reasoning'
  id?: string
  summary?: OpenAIResponsesSummaryText[]
  /** Opaque reasoning state (`include: ["reasoning.encrypted_content"]`). */
  encrypted_content?: string | null
  /** Raw reasoning text (open-weight models). */
  content?: Array<{ type: 'reasoning_text'; text: string }>
  status?: string
  [key: string]: unknown
}

export interface OpenAIResponsesOutputText {
  type: 'output_text'
  text: string
  annotations?: unknown[]
  logprobs?: unknown[]
  [key: string]: unknown
}

export interface OpenAIResponsesMessageItem {
  type?: 'message'
  id?: string
  role: 'user' | 'assistant' | 'system' | 'developer'
  content: string | Array<Record<string, any>>
  status?: string
  [key: string]: unknown
}

export interface OpenAIResponsesFunctionCallItem {
  type: 'function_call'
  id?: string
  call_id: string
  name: string
  /** JSON text. */
  arguments: string
  status?: string | null
  [key: string]: unknown
}

export interface OpenAIResponsesCustomToolCallItem {
  type: 'custom_tool_call'
  id?: string
  call_id: string
  name: string
  /** Freeform text (not JSON). */
  input: string
  [key: string]: unknown
}

/** Any output item; built-in tool items (web_search_call, ...) keep their own fields. */
export type OpenAIResponsesOutputItem = { type: string; id?: string; [key: string]: any }

export interface OpenAIResponsesError {
  code?: string | null
  message?: string
  param?: string | null
  type?: string | null
  [key: string]: unknown
}

export interface OpenAIResponsesResponse {
  id: string
  object: 'response'
  created_at: number
  status?: string
  model: string
  output: OpenAIResponsesOutputItem[]
  usage?: OpenAIResponsesUsage | null
  incomplete_details?: { reason?: string } | null
  error?: OpenAIResponsesError | null
  [key: string]: unknown
}

/** One streaming event (`event: <type>` + `data: {"type": <type>, "sequence_number": n, ...}`). */
export interface OpenAIResponsesStreamEvent {
  type: string
  sequence_number?: number
  response?: OpenAIResponsesResponse
  item?: OpenAIResponsesOutputItem
  output_index?: number
  item_id?: string
  content_index?: number
  summary_index?: number
  delta?: string
  text?: string
  arguments?: string
  input?: string
  part?: Record<string, any>
  annotation?: unknown
  /** `error` events: documented with top-level code/message/param; recorded streams nest them in `error`. */
  code?: string | null
  message?: string
  param?: string | null
  error?: OpenAIResponsesError
  [key: string]: unknown
}
