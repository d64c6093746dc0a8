import {
  convertGeminiModelParts,
  convertGeminiUsage,
  GatewayError,
  GEMINI_WIRE,
  mapGeminiBlockReason,
  mapGeminiFinishReason,
  mintGeminiToolCallId,
  type AssistantPart,
  type CanonicalResponse,
  type ConversionContext,
  type GeminiFunctionCall,
  type GeminiResponseProviderData,
} from '@tollgate/core'

const RESPONSE_FIELDS = new Set(['candidates', 'promptFeedback', 'usageMetadata', 'modelVersion', 'responseId'])
const CANDIDATE_FIELDS = new Set(['content', 'finishReason'])
/** Counters recomputed from canonical usage (toolUsePromptTokenCount is kept: it is folded into input). */
const USAGE_COUNTERS = new Set(['promptTokenCount', 'cachedContentTokenCount', 'candidatesTokenCount', 'thoughtsTokenCount', 'totalTokenCount'])

function rest(object: unknown, known: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (typeof object === 'object' && object !== null) for (const [key, value] of Object.entries(object)) if (!known.has(key)) out[key] = value
  return out
}

/** Ids for function calls Gemini sent without one: from the response id (else the call itself), so a stream and its non-stream twin agree. */
export const geminiCallIdMinter = (responseId: unknown) => (ordinal: number, call: GeminiFunctionCall) =>
  mintGeminiToolCallId(typeof responseId === 'string' && responseId !== '' ? responseId : `${call.name}:${JSON.stringify(call.args ?? {})}`, ordinal)

/** Vertex `createTime` (RFC 3339) → Unix seconds; now when absent. */
export function createdAt(createTime: unknown): number {
  const time = typeof createTime === 'string' ? Date.parse(createTime) : Number.NaN
  return Math.floor((Number.isNaN(time) ? Date.now() : time) / 1000)
}

/**
 * Gemini `GenerateContentResponse` → canonical response (the first candidate). A candidate with
 * function calls finishes as tool-calls; a blocked prompt (promptFeedback.blockReason, no candidate)
 * as content-filter. Fields without a canonical form are kept in providerData.gemini (see
 * GeminiResponseProviderData) for Gemini clients.
 */
export function convertGeminiResponse(body: any, context: ConversionContext): CanonicalResponse {
  const candidate = Array.isArray(body?.candidates) ? body.candidates[0] : undefined
  let content: AssistantPart[]
  try {
    content = convertGeminiModelParts(candidate?.content?.parts, 'candidates.0.content.parts', { mintId: geminiCallIdMinter(body?.responseId), keepEmptyText: false })
  } catch (error) {
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'invalid_upstream_response', message: `Gemini returned an unreadable response: ${(error as Error).message}` })
  }
  const blockReason = body?.promptFeedback?.blockReason
  const hasCalls = content.some((part) => part.type === 'tool-call')
  const rawFinishReason = candidate?.finishReason ?? blockReason
  const providerData: GeminiResponseProviderData = { ...rest(body, RESPONSE_FIELDS) }
  if (candidate) providerData.candidate = rest(candidate, CANDIDATE_FIELDS)
  if (body?.promptFeedback) providerData.promptFeedback = body.promptFeedback
  const usageDetails = rest(body?.usageMetadata, USAGE_COUNTERS)
  if (Object.keys(usageDetails).length > 0) providerData.usageMetadata = usageDetails
  return {
    id: typeof body?.responseId === 'string' ? body.responseId : crypto.randomUUID(),
    model: typeof body?.modelVersion === 'string' ? body.modelVersion : context.modelId,
    created: createdAt(body?.createTime),
    content,
    finishReason: candidate ? mapGeminiFinishReason(candidate.finishReason, hasCalls) : typeof blockReason === 'string' ? mapGeminiBlockReason(blockReason) : 'other',
    ...(typeof rawFinishReason === 'string' && { rawFinishReason }),
    usage: convertGeminiUsage(body?.usageMetadata),
    providerData: { [GEMINI_WIRE]: providerData },
  }
}
