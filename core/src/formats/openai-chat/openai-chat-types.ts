/**
 * Minimal, tolerant types of the OpenAI Chat Completions wire format (`POST /v1/chat/completions`).
 * Only the fields the gateway reads or writes are named; everything else is allowed through.
 */

export interface OpenAIChatUsage {
  prompt_tokens?: number
  completion_tokens?: number
  total_tokens?: number
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; [key: string]: unknown } | null
  completion_tokens_details?: { reasoning_tokens?: number; [key: string]: unknown } | null
  [key: string]: unknown
}

export interface OpenAIChatToolCall {
  id: string
  type: 'function'
  function: { name: string; arguments: string }
}

/** OpenRouter-style reasoning detail, used to carry reasoning (and its opaque state) through OpenAI Chat. */
export type OpenAIChatReasoningDetail =
  | { type: 'reasoning.text'; text?: string; signature?: string; format?: string; index?: number; id?: string }
  | { type: 'reasoning.encrypted'; data: string; format?: string; index?: number; id?: string }
  | { type: 'reasoning.summary'; summary: string; format?: string; index?: number; id?: string }

export type OpenAIChatContentPart =
  | { type: 'text'; text: string; [key: string]: unknown }
  | { type: 'image_url'; image_url: { url: string; detail?: string }; [key: string]: unknown }
  | { type: 'input_audio'; input_audio: { data: string; format: string }; [key: string]: unknown }
  | { type: 'file'; file: { file_data?: string; file_id?: string; filename?: string }; [key: string]: unknown }
  | { type: 'refusal'; refusal: string; [key: string]: unknown }

export interface OpenAIChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool' | 'function'
  content?: string | OpenAIChatContentPart[] | null
  name?: string
  tool_calls?: OpenAIChatToolCall[]
  tool_call_id?: string
  function_call?: { name: string; arguments: string }
  refusal?: string | null
  reasoning_content?: string | null
  reasoning_details?: OpenAIChatReasoningDetail[]
  [key: string]: unknown
}

export interface OpenAIChatTool {
  type: 'function'
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean }
}

export type OpenAIChatToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } }

export interface OpenAIChatRequest {
  model: string
  messages: OpenAIChatMessage[]
  stream?: boolean
  stream_options?: { include_usage?: boolean; [key: string]: unknown }
  tools?: OpenAIChatTool[]
  tool_choice?: OpenAIChatToolChoice
  [key: string]: unknown
}

export interface OpenAIChatResponseMessage {
  role: 'assistant'
  content: string | null
  refusal?: string | null
  tool_calls?: OpenAIChatToolCall[]
  reasoning_content?: string
  reasoning_details?: OpenAIChatReasoningDetail[]
  [key: string]: unknown
}

export interface OpenAIChatResponse {
  id: string
  object: 'chat.completion'
  created: number
  model: string
  choices: Array<{ index: number; message: OpenAIChatResponseMessage; finish_reason: string | null; [key: string]: unknown }>
  usage?: OpenAIChatUsage
  [key: string]: unknown
}

export interface OpenAIChatChunkDelta {
  role?: string
  content?: string | null
  refusal?: string | null
  reasoning_content?: string | null
  reasoning?: string | null
  reasoning_details?: OpenAIChatReasoningDetail[]
  tool_calls?: Array<{ index?: number; id?: string; type?: string; function?: { name?: string; arguments?: string } }>
}

export interface OpenAIChatChunk {
  id?: string
  object?: string
  created?: number
  model?: string
  choices?: Array<{ index?: number; delta?: OpenAIChatChunkDelta; finish_reason?: string | null }>
  usage?: OpenAIChatUsage | null
  error?: OpenAIChatErrorObject
}

export interface OpenAIChatErrorObject {
  message: string
  type: string | null
  param: string | null
  code: string | null
}

export interface OpenAIChatErrorBody {
  error: OpenAIChatErrorObject
}
