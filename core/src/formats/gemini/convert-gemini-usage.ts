import { createUsage, type Usage } from '../../canonical/usage'
import type { GeminiUsageMetadata } from './gemini-types'

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/**
 * Gemini `usageMetadata` → canonical usage. `promptTokenCount` includes `cachedContentTokenCount`
 * (noCache = prompt - cached); `toolUsePromptTokenCount` (tool results such as search snippets fed
 * to the model) is input too and counts as noCache; `candidatesTokenCount` is the answer text and
 * `thoughtsTokenCount` the reasoning, reported apart from candidates. Gemini has no cache writes.
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata | null | undefined): Usage {
  const prompt = count(usage?.promptTokenCount)
  const cached = count(usage?.cachedContentTokenCount)
  return createUsage({
    noCache: Math.max(0, prompt - cached) + count(usage?.toolUsePromptTokenCount),
    cacheRead: cached,
    text: count(usage?.candidatesTokenCount),
    reasoning: count(usage?.thoughtsTokenCount),
  })
}

/**
 * Canonical usage → `usageMetadata`. Zero counters are left out, as Google's proto3 JSON does.
 * Cache writes (Anthropic) are part of the prompt. `toolUsePromptTokenCount`, when known (a Gemini
 * upstream reported it), is taken back out of the prompt so a Gemini answer renders as it came.
 */
export function convertToGeminiUsage(usage: Usage, toolUsePromptTokenCount = 0): GeminiUsageMetadata {
  const toolUse = Math.min(toolUsePromptTokenCount, usage.input.total)
  const counters: Array<[keyof GeminiUsageMetadata, number]> = [
    ['promptTokenCount', usage.input.total - toolUse],
    ['cachedContentTokenCount', usage.input.cacheRead],
    ['candidatesTokenCount', usage.output.text],
    ['toolUsePromptTokenCount', toolUse],
    ['thoughtsTokenCount', usage.output.reasoning],
    ['totalTokenCount', usage.input.total + usage.output.total],
  ]
  const metadata: GeminiUsageMetadata = {}
  for (const [name, value] of counters) if (value > 0) metadata[name] = value
  // The gateway's price of the request (USD), when a plugin priced it.
  if (usage.cost !== undefined) metadata.cost = usage.cost
  return metadata
}
