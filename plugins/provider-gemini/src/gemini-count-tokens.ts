import { GatewayError, GEMINI_WIRE, type CountTokensOperation } from '@tollgate/core'
import { convertToGeminiRequest } from './convert-to-gemini-request'

const countPath = (modelId: string) => `/v1beta/models/${modelId.replace(/^models\//, '')}:countTokens`

/**
 * Gemini's exact token counting (`:countTokens` → `{totalTokens}`), always with a whole
 * `generateContentRequest` (system instruction, tools and config count too). A Gemini client's
 * request goes as sent, its model set to the routed one.
 */
export const geminiCountTokens: CountTokensOperation = {
  wireFormat: GEMINI_WIRE,
  endpoint: '/v1beta/models',
  convertRequest(request, context) {
    // Generation settings do not count: their conversion warnings are not reported.
    const { body } = convertToGeminiRequest({ ...request, stream: false }, context)
    const model = `models/${context.modelId.replace(/^models\//, '')}`
    return { body: { generateContentRequest: { model, ...body } }, path: countPath(context.modelId) }
  },
  preparePassthroughBody(body, context) {
    const model = `models/${context.modelId.replace(/^models\//, '')}`
    return { body: { generateContentRequest: { ...body, model } }, path: countPath(context.modelId) }
  },
  convertResponse(body: { totalTokens?: unknown }) {
    if (typeof body?.totalTokens === 'number') return body.totalTokens
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: 'Gemini answered countTokens without totalTokens' })
  },
}
