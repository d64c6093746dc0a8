import type { CanonicalRequest, ReasoningConfig, ResponseFormat } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { convertGeminiSchema } from '../../formats/gemini'

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value)
const LEVELS = new Set(['minimal', 'low', 'medium', 'high'])

function number(value: unknown, param: string, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) throw invalid(`${param} must be ${integer ? 'an integer' : 'a number'}`, param)
  return value
}

/**
 * `thinkingConfig` → reasoning: thinkingBudget 0 disables, -1 is dynamic (adaptive), a positive
 * budget is a budget; thinkingLevel (Gemini 3) is an effort; includeThoughts: true asks for thought
 * summaries. Anything else (includeThoughts: false, unknown levels and fields) stays in `leftover`.
 */
function convertThinking(config: unknown, leftover: Body): ReasoningConfig | undefined {
  if (!isRecord(config)) throw invalid('generationConfig.thinkingConfig must be an object', 'generationConfig.thinkingConfig')
  const reasoning: ReasoningConfig = {}
  for (const [key, value] of Object.entries(config)) {
    if (key === 'thinkingBudget') {
      const budget = number(value, 'generationConfig.thinkingConfig.thinkingBudget', true)
      if (budget === 0) reasoning.disabled = true
      else if (budget === -1) reasoning.adaptive = true
      else if (budget > 0) reasoning.budgetTokens = budget
      else leftover[key] = value
    } else if (key === 'thinkingLevel' && typeof value === 'string' && LEVELS.has(value.toLowerCase())) {
      reasoning.effort = value.toLowerCase() as ReasoningConfig['effort']
    } else if (key === 'includeThoughts' && value === true) {
      reasoning.summary = 'auto'
    } else {
      leftover[key] = value
    }
  }
  return Object.keys(reasoning).length > 0 ? reasoning : undefined
}

/**
 * responseMimeType application/json with a schema → json_schema (`responseJsonSchema` as is, the
 * OpenAPI-subset `responseSchema` converted and kept in providerData); without one → json_object;
 * text/plain → text. Other combinations (text/x.enum, a schema without a JSON type) are not mapped.
 */
function convertResponseFormat(config: Body): ResponseFormat | undefined {
  const { responseMimeType: mime, responseJsonSchema: jsonSchema, responseSchema: schema } = config
  if (mime === 'application/json') {
    if (isRecord(jsonSchema)) return { type: 'json_schema', schema: jsonSchema }
    if (isRecord(schema)) return { type: 'json_schema', schema: convertGeminiSchema(schema), providerData: { gemini: { responseSchema: schema } } }
    if (jsonSchema === undefined && schema === undefined) return { type: 'json_object' }
  }
  if (mime === 'text/plain' && jsonSchema === undefined && schema === undefined) return { type: 'text' }
  return undefined
}

const SIMPLE: Record<string, [keyof CanonicalRequest, boolean]> = {
  temperature: ['temperature', false],
  topP: ['topP', false],
  topK: ['topK', true],
  maxOutputTokens: ['maxOutputTokens', true],
  candidateCount: ['choices', true],
  seed: ['seed', true],
  presencePenalty: ['presencePenalty', false],
  frequencyPenalty: ['frequencyPenalty', false],
}

/**
 * `generationConfig` → canonical sampling, limits, response format and reasoning, written into
 * `request`. Fields without a canonical form (responseModalities, speechConfig, ...) are returned
 * (possibly `{}`) for `extra.generationConfig`, so a Gemini upstream gets them back as sent.
 */
export function convertGeminiGenerationConfig(config: unknown, request: CanonicalRequest): Body {
  if (!isRecord(config)) throw invalid('generationConfig must be an object', 'generationConfig')
  const leftover: Body = {}
  const responseFormat = convertResponseFormat(config)
  if (responseFormat) request.responseFormat = responseFormat
  for (const [key, value] of Object.entries(config)) {
    const param = `generationConfig.${key}`
    if (value === null) continue
    const simple = SIMPLE[key]
    if (simple) (request as unknown as Body)[simple[0]] = number(value, param, simple[1])
    else if (key === 'stopSequences') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw invalid(`${param} must be an array of strings`, param)
      request.stopSequences = value
    } else if (key === 'thinkingConfig') {
      const thinking: Body = {}
      const reasoning = convertThinking(value, thinking)
      if (reasoning) request.reasoning = reasoning
      if (Object.keys(thinking).length > 0) leftover.thinkingConfig = thinking
    } else if (!responseFormat || !['responseMimeType', 'responseSchema', 'responseJsonSchema'].includes(key)) {
      leftover[key] = value
    }
  }
  return leftover
}
