import type { CanonicalResponse } from '../../canonical'
import {
  convertToGeminiModelParts,
  convertToGeminiUsage,
  GEMINI_WIRE,
  mapToGeminiFinishReason,
  type GeminiCandidate,
  type GeminiGenerateContentResponse,
  type GeminiResponseProviderData,
} from '../../formats/gemini'
import type { RenderContext } from '../../plugin/dialect'

/** Usage of a canonical response in Gemini's shape, with the details a Gemini upstream reported. */
export function renderGeminiUsage(response: Pick<CanonicalResponse, 'usage' | 'providerData'>) {
  const { toolUsePromptTokenCount, ...details } = ((response.providerData?.[GEMINI_WIRE] as GeminiResponseProviderData | undefined)?.usageMetadata ?? {}) as Record<string, unknown>
  return { ...convertToGeminiUsage(response.usage, typeof toolUsePromptTokenCount === 'number' ? toolUsePromptTokenCount : 0), ...details }
}

/**
 * Canonical response → `GenerateContentResponse` (one candidate). Reasoning of other providers rides
 * in thought parts' `thoughtSignature` (see wrapForeignReasoning); an OpenAI refusal is text.
 * `modelVersion` is the model that served the answer; `responseId` the response id. Fields a
 * Gemini upstream sent that have no canonical form (safetyRatings, groundingMetadata, promptFeedback,
 * token details, ...) come back from providerData. A blocked prompt has no candidate.
 */
export function renderGeminiResponse(response: CanonicalResponse, _context: RenderContext): GeminiGenerateContentResponse {
  const { candidate: candidateExtra, promptFeedback, usageMetadata: _usage, ...top } = (response.providerData?.[GEMINI_WIRE] ?? {}) as GeminiResponseProviderData
  const parts = convertToGeminiModelParts(response.content, { foreignReasoning: 'envelope', invalidArguments: 'empty' })
  if (response.refusal !== undefined) parts.push({ text: response.refusal })
  const blockedPrompt = candidateExtra === undefined && promptFeedback?.blockReason !== undefined
  const candidate: GeminiCandidate = {
    content: parts.length > 0 ? { parts, role: 'model' } : {},
    finishReason: mapToGeminiFinishReason(response.finishReason, response.rawFinishReason),
    ...(candidateExtra ?? { index: 0 }),
  }
  return {
    ...(!blockedPrompt && { candidates: [candidate] }),
    ...(promptFeedback && { promptFeedback }),
    usageMetadata: renderGeminiUsage(response),
    modelVersion: response.model,
    responseId: response.id,
    ...top,
  }
}
