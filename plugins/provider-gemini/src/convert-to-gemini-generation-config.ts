import { requiresThoughtSignatures, type CanonicalRequest, type GeminiGenerationConfig, type GeminiThinkingConfig, type ReasoningConfig, type Warning } from '@tollgate/core'
import { originalGeminiSchema } from './original-gemini-schema'

/** Thinking budgets for an OpenAI-style effort on models that take a budget (Gemini 2.5 and earlier). */
const EFFORT_BUDGET = { none: 0, minimal: 512, low: 1024, medium: 8192, high: 24576, xhigh: 32768 } as const

/**
 * Reasoning → thinkingConfig. A budget passes as is (0: off, -1: dynamic, as Gemini reads them;
 * Anthropic's adaptive thinking is dynamic). An effort is a thinkingLevel on Gemini 3 (xhigh → high,
 * none → budget 0) and a budget on earlier models (reported). Summaries → includeThoughts.
 */
function convertThinking(reasoning: ReasoningConfig, modelId: string, warnings: Warning[]): GeminiThinkingConfig | undefined {
  const config: GeminiThinkingConfig = {}
  if (reasoning.disabled) config.thinkingBudget = 0
  else if (reasoning.budgetTokens !== undefined) config.thinkingBudget = reasoning.budgetTokens
  else if (reasoning.adaptive) config.thinkingBudget = -1
  else if (reasoning.effort !== undefined) {
    const effort = reasoning.effort
    if (effort === 'none') config.thinkingBudget = 0
    else if (requiresThoughtSignatures(modelId)) {
      config.thinkingLevel = effort === 'xhigh' ? 'high' : effort
      if (effort === 'xhigh') warnings.push({ param: 'reasoning_effort', message: "Gemini's highest thinking level is 'high'; 'xhigh' sent as 'high'" })
    } else {
      config.thinkingBudget = EFFORT_BUDGET[effort]
      warnings.push({ param: 'reasoning_effort', message: `${modelId} takes a thinking budget, not an effort: '${effort}' sent as thinkingBudget ${config.thinkingBudget}` })
    }
  }
  if (reasoning.summary !== undefined) config.includeThoughts = true
  return Object.keys(config).length > 0 ? config : undefined
}

/**
 * Canonical sampling, limits, response format and reasoning → `generationConfig` (empty when nothing
 * is set). A JSON schema is sent as `responseJsonSchema` (Gemini decodes constrained to it, so
 * `strict` needs no flag), or as the client's own `responseSchema` when a Gemini client sent one.
 */
export function convertToGeminiGenerationConfig(request: CanonicalRequest, modelId: string, warnings: Warning[]): GeminiGenerationConfig {
  const config: GeminiGenerationConfig = {}
  if (request.temperature !== undefined) config.temperature = request.temperature
  if (request.topP !== undefined) config.topP = request.topP
  if (request.topK !== undefined) config.topK = request.topK
  if (request.maxOutputTokens !== undefined) config.maxOutputTokens = request.maxOutputTokens
  if (request.stopSequences?.length) config.stopSequences = request.stopSequences
  if (request.choices !== undefined) config.candidateCount = request.choices
  if (request.seed !== undefined) config.seed = request.seed
  if (request.presencePenalty !== undefined) config.presencePenalty = request.presencePenalty
  if (request.frequencyPenalty !== undefined) config.frequencyPenalty = request.frequencyPenalty
  const format = request.responseFormat
  if (format?.type === 'text') config.responseMimeType = 'text/plain'
  else if (format?.type === 'json_object') config.responseMimeType = 'application/json'
  else if (format?.type === 'json_schema') {
    config.responseMimeType = 'application/json'
    const original = originalGeminiSchema(format.providerData?.gemini?.responseSchema, format.schema)
    if (original) config.responseSchema = original
    else config.responseJsonSchema = format.schema
  }
  const thinking = request.reasoning && convertThinking(request.reasoning, modelId, warnings)
  if (thinking) config.thinkingConfig = thinking
  return config
}
