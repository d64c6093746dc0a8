import { GatewayError, type CountTokensOperation } from '@tollgate/core'
import { convertToOpenAIResponsesRequest } from './convert-to-openai-responses-request'

/** The fields `POST /v1/responses/input_tokens` takes (a Responses request without the generation settings). */
export const INPUT_TOKENS_FIELDS = ['model', 'input', 'instructions', 'tools', 'tool_choice', 'parallel_tool_calls', 'reasoning', 'text', 'truncation', 'conversation', 'previous_response_id'] as const

/**
 * OpenAI's exact token counting (`POST /v1/responses/input_tokens` → `{object: "response.input_tokens",
 * input_tokens}`): the request is converted as for the Responses API, keeping the fields counting
 * takes. Generation settings do not count, so their conversion warnings are not reported.
 */
export const openaiCountTokens: CountTokensOperation = {
  wireFormat: 'openai-responses',
  endpoint: '/responses/input_tokens',
  convertRequest(request, context) {
    const converted = convertToOpenAIResponsesRequest({ ...request, stream: false }, context)
    const body: Record<string, unknown> = {}
    for (const field of INPUT_TOKENS_FIELDS) if (converted.body[field] !== undefined) body[field] = converted.body[field]
    return { body }
  },
  convertResponse(body: { input_tokens?: unknown }) {
    if (typeof body?.input_tokens === 'number') return body.input_tokens
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: 'OpenAI answered input_tokens without input_tokens' })
  },
}
