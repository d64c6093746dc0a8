import { createUsageFromTotals, type Usage } from '../../canonical/usage'
import type { OpenAIChatUsage } from './openai-chat-types'

/**
 * OpenAI usage -> canonical. `prompt_tokens` includes cached (and, on compatible servers, cache-write)
 * tokens; `completion_tokens` includes reasoning tokens.
 */
export function convertOpenAIChatUsage(usage: OpenAIChatUsage | null | undefined): Usage {
  const prompt = usage?.prompt_tokens ?? 0
  const completion = usage?.completion_tokens ?? 0
  const cacheRead = usage?.prompt_tokens_details?.cached_tokens ?? 0
  const cacheWrite = usage?.prompt_tokens_details?.cache_write_tokens ?? 0
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? 0
  return createUsageFromTotals({ input: prompt, cacheRead, cacheWrite, output: completion, reasoning })
}

/** Canonical -> the usage object an OpenAI client expects (with `cost` in USD when the gateway priced it). */
export function convertToOpenAIChatUsage(usage: Usage): OpenAIChatUsage {
  const promptTokensDetails: Record<string, number> = { cached_tokens: usage.input.cacheRead }
  if (usage.input.cacheWrite > 0) promptTokensDetails.cache_write_tokens = usage.input.cacheWrite
  const rendered: OpenAIChatUsage = {
    prompt_tokens: usage.input.total,
    completion_tokens: usage.output.total,
    total_tokens: usage.input.total + usage.output.total,
    prompt_tokens_details: promptTokensDetails,
    completion_tokens_details: { reasoning_tokens: usage.output.reasoning },
  }
  if (usage.cost !== undefined) rendered.cost = usage.cost
  return rendered
}
