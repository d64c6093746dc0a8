import { GatewayError } from '../../errors/gateway-error'
import type { CountTokensDialect } from '../../pipeline/handle-count-tokens'
import { geminiDialect } from './index'
import { readGeminiMethod } from './read-gemini-target'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Gemini `:countTokens`: `{contents}` or `{generateContentRequest: {model, contents, systemInstruction,
 * tools, ...}}` (snake_case too) → `{totalTokens}`. The model is the one in the URL.
 */
export const geminiCountTokensDialect: CountTokensDialect = {
  chat: geminiDialect,
  readTarget: (_body, request) => ({ model: readGeminiMethod(request.params).model }),
  chatBody(body) {
    const nested = body.generateContentRequest ?? body.generate_content_request
    if (nested === undefined) return { contents: body.contents }
    if (!isRecord(nested)) throw new GatewayError({ status: 400, message: "'generateContentRequest' must be an object", param: 'generateContentRequest' })
    const { model: _model, ...request } = nested
    return request
  },
  renderResponse: (inputTokens) => ({ totalTokens: inputTokens }),
}
