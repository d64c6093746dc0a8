import type { CanonicalRequest, TextPart } from '../../canonical'
import { GatewayError } from '../../errors/gateway-error'
import { GEMINI_WIRE, normalizeGeminiKeys } from '../../formats/gemini'
import type { RequestTarget } from '../../plugin/dialect'
import { convertGeminiContents } from './convert-gemini-contents'
import { convertGeminiGenerationConfig } from './convert-gemini-generation-config'
import { convertGeminiToolConfig, convertGeminiTools } from './convert-gemini-tools'

type Body = Record<string, unknown>
const invalid = (message: string, param: string) => new GatewayError({ status: 400, message, param })
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Fields mapped to canonical ones (model is in the URL); everything else goes to `extra.gemini` verbatim. */
const MAPPED = new Set(['model', 'contents', 'systemInstruction', 'tools', 'toolConfig', 'generationConfig'])

/** `systemInstruction` (a Content of text parts; a bare string is accepted) → system text. Its `role` goes to extra. */
function convertSystemInstruction(instruction: unknown, extra: Body): TextPart[] {
  if (typeof instruction === 'string') return [{ type: 'text', text: instruction }]
  if (!isRecord(instruction)) throw invalid('systemInstruction must be an object', 'systemInstruction')
  const { parts, ...rest } = instruction
  if (!Array.isArray(parts)) throw invalid('systemInstruction.parts must be an array', 'systemInstruction.parts')
  if (Object.keys(rest).length > 0) extra.systemInstruction = rest
  return parts.map((part, index) => {
    const param = `systemInstruction.parts.${index}`
    if (!isRecord(part) || typeof part.text !== 'string') throw invalid(`${param} must be a text part`, param)
    const { text, ...partExtra } = part
    return { type: 'text', text, ...(Object.keys(partExtra).length > 0 && { providerData: { gemini: partExtra } }) }
  })
}

/**
 * Gemini `GenerateContentRequest` → canonical request. The model and the stream flag come from the
 * URL (`target`, see readGeminiTarget). snake_case field names are accepted (normalised first).
 * Unmapped fields — top-level (safetySettings, cachedContent, ...) and inside systemInstruction,
 * tools, toolConfig and generationConfig — are kept in `extra.gemini` with the same nesting, so a
 * Gemini upstream gets the request back as sent. Throws GatewayError 400 naming the `param`.
 */
export function geminiToCanonical(body: unknown, _headers: Headers, target?: RequestTarget): CanonicalRequest {
  if (!isRecord(body)) throw invalid('The request body must be a JSON object', 'body')
  const normalized = normalizeGeminiKeys(body)
  const model = target?.model ?? (typeof normalized.model === 'string' ? normalized.model.replace(/^models\//, '') : undefined)
  if (!model) throw invalid('The model must be named in the URL: /v1beta/models/{model}:generateContent', 'model')
  const extra: Body = {}
  for (const key in normalized) if (!MAPPED.has(key)) extra[key] = normalized[key]

  const request: CanonicalRequest = { model, messages: convertGeminiContents(normalized.contents), stream: target?.stream ?? false, extra: {} }
  if (normalized.systemInstruction !== undefined && normalized.systemInstruction !== null) {
    const system = convertSystemInstruction(normalized.systemInstruction, extra)
    if (system.length > 0) request.system = system
  }
  if (normalized.tools !== undefined && normalized.tools !== null) {
    const tools = convertGeminiTools(normalized.tools, extra)
    if (tools.length > 0) request.tools = tools
  }
  if (normalized.toolConfig !== undefined && normalized.toolConfig !== null) {
    const toolChoice = convertGeminiToolConfig(normalized.toolConfig, extra)
    if (toolChoice) request.toolChoice = toolChoice
  }
  if (normalized.generationConfig !== undefined && normalized.generationConfig !== null) {
    extra.generationConfig = convertGeminiGenerationConfig(normalized.generationConfig, request)
  }
  if (Object.keys(extra).length > 0) request.extra[GEMINI_WIRE] = extra
  return request
}
