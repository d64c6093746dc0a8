import type { ProviderData } from './content'
import type { FinishReason } from './response'
import type { Usage } from './usage'
import type { GatewayErrorInit } from '../errors/gateway-error'

/**
 * The canonical stream: blocks open, receive deltas and close, identified by `index` (their
 * position in the final message's content). Providers emit these from their stream state
 * machines; dialects render them to their own SSE shape.
 */
export type StreamEvent =
  | { type: 'response-start'; id: string; model: string; created: number; usage?: Usage; providerData?: ProviderData }
  | { type: 'text-start'; index: number; providerData?: ProviderData }
  | { type: 'text-delta'; index: number; delta: string }
  /** `providerData` here is the block's final provider data (e.g. Anthropic citations), merged over text-start's. */
  | { type: 'text-end'; index: number; providerData?: ProviderData }
  | { type: 'reasoning-start'; index: number; redactedData?: string; id?: string; provider?: string }
  | { type: 'reasoning-delta'; index: number; delta: string }
  /** Opaque reasoning state: Anthropic signature or OpenAI encrypted content. */
  | { type: 'reasoning-signature'; index: number; signature?: string; encryptedContent?: string }
  | { type: 'reasoning-end'; index: number }
  | { type: 'tool-call-start'; index: number; id: string; name: string; providerData?: ProviderData }
  | { type: 'tool-call-delta'; index: number; argumentsDelta: string }
  | { type: 'tool-call-end'; index: number }
  /** A complete provider-native block (see ProviderBlockPart): opens and closes in this one event. */
  | { type: 'provider-block'; index: number; provider: string; block: Record<string, unknown> }
  /** OpenAI refusal text streamed as its own channel. */
  | { type: 'refusal-delta'; delta: string }
  /** Usage so far (cumulative, replaces earlier values). */
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; finishReason: FinishReason; rawFinishReason?: string; stopSequence?: string; usage: Usage }
  | { type: 'error'; error: GatewayErrorInit }
