import type { FinishReason } from '../../canonical/response'
import type { AnthropicStopReason } from './anthropic-messages-types'

const toCanonical: Record<AnthropicStopReason, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop-sequence',
  max_tokens: 'length',
  tool_use: 'tool-calls',
  refusal: 'refusal',
  pause_turn: 'pause',
  model_context_window_exceeded: 'length',
}

const fromCanonical: Record<FinishReason, AnthropicStopReason> = {
  stop: 'end_turn',
  'stop-sequence': 'stop_sequence',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
  refusal: 'refusal',
  pause: 'pause_turn',
  error: 'end_turn',
  other: 'end_turn',
}

const isAnthropicStopReason = (reason: string): reason is AnthropicStopReason => Object.hasOwn(toCanonical, reason)

/** Anthropic `stop_reason` → canonical finish reason; null or unknown reasons are 'other'. */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  return reason && isAnthropicStopReason(reason) ? toCanonical[reason] : 'other'
}

/**
 * Canonical finish reason → Anthropic `stop_reason`. When the provider's raw reason is an Anthropic
 * reason that maps to the same canonical one, it is kept (model_context_window_exceeded stays itself).
 */
export function toAnthropicStopReason(reason: FinishReason, rawReason?: string): AnthropicStopReason {
  if (rawReason && isAnthropicStopReason(rawReason) && toCanonical[rawReason] === reason) return rawReason
  return fromCanonical[reason]
}
