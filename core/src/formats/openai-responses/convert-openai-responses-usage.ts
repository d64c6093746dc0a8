import { createUsageFromTotals, type Usage } from '../../canonical/usage'
import type { OpenAIResponsesUsage } from './openai-responses-types'

/**
 * Responses usage -> canonical. `input_tokens` includes `input_tokens_details.cached_tokens` (and
 * cache writes when reported); `output_tokens` includes `output_tokens_details.reasoning_tokens`.
 */
export function convertOpenAIResponsesUsage(usage: OpenAIResponsesUsage | null | undefined): Usage {
  const input = usage?.input_tokens ?? 0
  const output = usage?.output_tokens ?? 0
  const cacheRead = usage?.input_tokens_details?.cached_tokens ?? 0
  const cacheWrite = usage?.input_tokens_details?.cache_write_tokens ?? 0
  const reasoning = usage?.output_tokens_details?.reasoning_tokens ?? 0
  return createUsageFromTotals({ input, cacheRead, cacheWrite, output, reasoning })
}

/**
 * Canonical -> the usage object of a Responses `response` (the detail objects are always present, as clients read
 * them), with `cost` in USD when the gateway priced it.
 */
export function convertToOpenAIResponsesUsage(usage: Usage): OpenAIResponsesUsage {
  const inputDetails: Record<string, number> = { cached_tokens: usage.input.cacheRead }
  if (usage.input.cacheWrite > 0) inputDetails.cache_write_tokens = usage.input.cacheWrite
  const rendered: OpenAIResponsesUsage = {
    input_tokens: usage.input.total,
    input_tokens_details: inputDetails,
    output_tokens: usage.output.total,
    output_tokens_details: { reasoning_tokens: usage.output.reasoning },
    total_tokens: usage.input.total + usage.output.total,
  }
  if (usage.cost !== undefined) rendered.cost = usage.cost
  return rendered
}
