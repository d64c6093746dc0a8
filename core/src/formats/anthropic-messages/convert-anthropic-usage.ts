import { createUsage, type Usage } from '../../canonical/usage'
import type { AnthropicUsage } from './anthropic-messages-types'

/**
 * Anthropic usage → canonical. `input_tokens` is the uncached part; cache reads and writes are
 * reported apart; `output_tokens` includes thinking. Anthropic rarely splits it out: only when
 * `output_tokens_details.thinking_tokens` is present is it counted as reasoning (else all is text).
 */
export function convertAnthropicUsage(usage: AnthropicUsage | null | undefined): Usage {
  const output = usage?.output_tokens ?? 0
  const thinking = usage?.output_tokens_details?.thinking_tokens
  const reasoning = typeof thinking === 'number' ? Math.min(thinking, output) : 0
  return createUsage({
    noCache: usage?.input_tokens ?? 0,
    cacheRead: usage?.cache_read_input_tokens ?? 0,
    cacheWrite: usage?.cache_creation_input_tokens ?? 0,
    text: output - reasoning,
    reasoning,
  })
}

/** Canonical usage → the four Anthropic counters, in the order Anthropic writes them (and `cost` in USD when priced). */
export function toAnthropicUsage(usage: Usage): { input_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number; output_tokens: number; cost?: number } {
  const rendered = {
    input_tokens: usage.input.noCache,
    cache_creation_input_tokens: usage.input.cacheWrite,
    cache_read_input_tokens: usage.input.cacheRead,
    output_tokens: usage.output.total,
  }
  return usage.cost === undefined ? rendered : { ...rendered, cost: usage.cost }
}

/**
 * Stream usage: message_start carries the input counts, message_delta the cumulative output and
 * sometimes the input counts again (or null). Keep the latest non-null value of each counter.
 */
export function mergeAnthropicUsage(previous: AnthropicUsage, next: AnthropicUsage | null | undefined): AnthropicUsage {
  if (!next) return previous
  return {
    input_tokens: next.input_tokens ?? previous.input_tokens,
    cache_creation_input_tokens: next.cache_creation_input_tokens ?? previous.cache_creation_input_tokens,
    cache_read_input_tokens: next.cache_read_input_tokens ?? previous.cache_read_input_tokens,
    output_tokens: next.output_tokens ?? previous.output_tokens,
    output_tokens_details: next.output_tokens_details ?? previous.output_tokens_details,
  }
}
