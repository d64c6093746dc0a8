import type { AssistantPart, ProviderData, TextPart, ToolResultPart, UserPart } from './content'

export type Message =
  /** A system/developer instruction that appears inside the conversation (not the leading one). */
  | { role: 'system'; content: TextPart[]; developer?: boolean; providerData?: ProviderData }
  | { role: 'user'; content: Array<UserPart | ToolResultPart>; providerData?: ProviderData }
  | { role: 'assistant'; content: AssistantPart[]; providerData?: ProviderData }
  /** Results of tool calls; dialects that carry them inside user turns (Anthropic) merge on output. */
  | { role: 'tool'; content: ToolResultPart[]; providerData?: ProviderData }

export interface ToolDefinition {
  name: string
  description?: string
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>
  strict?: boolean
  providerData?: ProviderData
}

export type ToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; name: string }

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema'
      name?: string
      description?: string
      schema: Record<string, unknown>
      strict?: boolean
      /** Wire-specific form of the schema (e.g. Gemini's OpenAPI-subset `responseSchema`), for the same wire format. */
      providerData?: ProviderData
    }

export interface ReasoningConfig {
  /** OpenAI-style effort. */
  effort?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh'
  /** Anthropic/Gemini-style token budget. */
  budgetTokens?: number
  /** Explicitly switched off (Anthropic `thinking.type: disabled`). */
  disabled?: boolean
  /** Anthropic adaptive thinking. */
  adaptive?: boolean
  /** Ask for visible reasoning summaries where the provider offers them. */
  summary?: 'auto' | 'concise' | 'detailed'
}

/** A warning about a parameter that was mapped approximately; surfaced to the client as a header. */
export interface Warning {
  param: string
  message: string
}

export interface CanonicalRequest {
  /** The model as the client asked for it (before routing). */
  model: string
  /** Leading system instructions. */
  system?: TextPart[]
  /** The leading instructions came as OpenAI `developer` messages (not `system`). */
  systemDeveloper?: boolean
  messages: Message[]
  tools?: ToolDefinition[]
  toolChoice?: ToolChoice
  parallelToolCalls?: boolean
  responseFormat?: ResponseFormat
  maxOutputTokens?: number
  temperature?: number
  topP?: number
  topK?: number
  stopSequences?: string[]
  seed?: number
  frequencyPenalty?: number
  presencePenalty?: number
  /** Number of choices (OpenAI `n`); providers that cannot do it reject it. */
  choices?: number
  reasoning?: ReasoningConfig
  /** End-user id for abuse tracking (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string
  stream: boolean
  /** Whether the client asked for usage in its stream (OpenAI `stream_options.include_usage`). */
  streamUsage?: boolean
  /**
   * Fields the inbound dialect did not map, keyed by that dialect's wire format. A provider of the
   * same wire format merges them into its body verbatim; others ignore them (they are reported).
   */
  extra: ProviderData
  /** Request headers that a provider of the same wire format should forward (e.g. anthropic-beta). */
  forwardHeaders?: Record<string, string>
}
