import type { AuthScheme, ModelInfo } from '@tollgate/core'

/** What sets an OpenAI-compatible service apart from OpenAI: all data, no code. */
export interface OpenAICompatibleOptions {
  /** Provider id used in `id/model` names and config, e.g. `groq`. */
  id: string
  /** Human name for docs, warnings and `/v1/models`. @default id */
  name?: string
  /** Base URL including the version segment, e.g. `https://api.groq.com/openai/v1`. */
  baseURL: string
  /** Environment variable that holds the API key (zero config enables the provider when it is set). */
  apiKeyEnv?: string
  /** Environment variable that overrides the base URL. */
  baseURLEnv?: string
  /** How the key is sent. @default { type: 'bearer' } (no header at all when no key is set) */
  auth?: AuthScheme
  /** Static headers sent on every request. */
  headers?: Record<string, string>
  /** Catalogue of well-known models. @default [] */
  models?: ModelInfo[]
  /** Bare model ids starting with one of these resolve to this provider. */
  modelPrefixes?: string[]
  /** Field renames on the upstream body, e.g. `{ max_completion_tokens: 'max_tokens' }`; dotted targets nest. */
  renames?: Record<string, string>
  /**
   * Top-level body fields the service rejects. They are removed, and each removal is reported in
   * the `x-tollgate-warnings` header; a provider with drops never takes the fast path (where a
   * removal could not be reported).
   */
  drops?: string[]
  /** Whether the service takes `stream_options.include_usage`. @default true */
  supportsStreamUsage?: boolean
  /** Whether the service knows the `developer` role. @default false (sent as `system`) */
  supportsDeveloperRole?: boolean
  /**
   * Reasoning of earlier assistant turns: `drop` (default), `reasoning_content` (DeepSeek needs it in
   * tool loops) or `reasoning_details` (OpenRouter keeps signatures and encrypted reasoning).
   */
  reasoningHistory?: 'drop' | 'reasoning_content' | 'reasoning_details'
  /**
   * `usage.completion_tokens` leaves reasoning tokens out (xAI). The gateway adds them back on the
   * canonical path; the fast path is off, since its meter reads the usage as OpenAI defines it.
   */
  usageExcludesReasoning?: boolean
  /** Serve OpenAI Responses clients through the service's own `POST /responses`. @default false */
  responses?: boolean
}
