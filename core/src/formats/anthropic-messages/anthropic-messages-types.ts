/**
 * Minimal, tolerant types of the Anthropic Messages wire format (`POST /v1/messages`). Only the
 * fields the gateway reads or writes are named; every object may carry more (new or beta fields),
 * which the converters keep rather than drop.
 */
export type AnthropicBlock = { type: string; [key: string]: unknown }

export interface AnthropicCacheControl {
  type: 'ephemeral'
  ttl?: string
}

export type AnthropicSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'file'; file_id: string }
  | { type: 'text'; media_type: 'text/plain'; data: string }
  | { type: 'content'; content: AnthropicBlock[] }

export interface AnthropicTextBlock {
  type: 'text'
  text: string
  citations?: unknown[] | null
  cache_control?: AnthropicCacheControl
}
export interface AnthropicThinkingBlock {
  type: 'thinking'
  thinking: string
  signature: string
}
export interface AnthropicRedactedThinkingBlock {
  type: 'redacted_thinking'
  data: string
}
export interface AnthropicToolUseBlock {
  type: 'tool_use'
  id: string
  name: string
  input: Record<string, unknown>
}
export interface AnthropicToolResultBlock {
  type: 'tool_result'
  tool_use_id: string
  content?: string | AnthropicBlock[]
  is_error?: boolean
}

export interface AnthropicMessageParam {
  role: 'user' | 'assistant'
  content: string | AnthropicBlock[]
}

export interface AnthropicTool {
  name: string
  description?: string
  input_schema: Record<string, unknown>
  /** Absent or 'custom' for client tools; server tools have a versioned type, e.g. `web_search_20250305`. */
  type?: string
  [key: string]: unknown
}

export type AnthropicToolChoice =
  | { type: 'auto' | 'any' | 'none'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }

export type AnthropicThinkingConfig = { type: 'enabled'; budget_tokens: number } | { type: 'disabled' } | { type: 'adaptive' }

export interface AnthropicMessagesRequest {
  model: string
  /** Required by Anthropic; the gateway fills it from the catalogue when a client omits it. */
  max_tokens?: number
  messages: AnthropicMessageParam[]
  system?: string | AnthropicTextBlock[]
  tools?: AnthropicTool[]
  tool_choice?: AnthropicToolChoice
  thinking?: AnthropicThinkingConfig
  output_config?: { format?: { type: 'json_schema'; schema: Record<string, unknown> }; effort?: string }
  temperature?: number
  top_p?: number
  top_k?: number
  stop_sequences?: string[]
  metadata?: { user_id?: string }
  stream?: boolean
  [key: string]: unknown
}

export interface AnthropicUsage {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_creation_input_tokens?: number | null
  cache_read_input_tokens?: number | null
  /** Recent API versions split thinking out of output_tokens here. */
  output_tokens_details?: { thinking_tokens?: number | null } | null
  [key: string]: unknown
}

export type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded'

export interface AnthropicMessage {
  id: string
  type: 'message'
  role: 'assistant'
  model: string
  content: AnthropicBlock[]
  stop_reason: string | null
  stop_sequence: string | null
  usage: AnthropicUsage
  [key: string]: unknown
}

export interface AnthropicErrorBody {
  type: 'error'
  error: { type: string; message: string }
  request_id?: string
}

/** The `data` of each SSE event; the SSE `event:` name equals `type`. */
export type AnthropicStreamEvent =
  | { type: 'message_start'; message: AnthropicMessage }
  | { type: 'content_block_start'; index: number; content_block: AnthropicBlock }
  | { type: 'content_block_delta'; index: number; delta: { type: string; [key: string]: unknown } }
  | { type: 'content_block_stop'; index: number }
  | { type: 'message_delta'; delta: { stop_reason: string | null; stop_sequence: string | null }; usage: AnthropicUsage }
  | { type: 'message_stop' }
  | { type: 'ping' }
  | AnthropicErrorBody
