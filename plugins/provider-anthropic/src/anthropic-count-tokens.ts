import { GatewayError, type CountTokensOperation } from '@tollgate/core'
import { convertToAnthropicRequest } from './convert-to-anthropic-request'

/** The fields `POST /v1/messages/count_tokens` takes (a Messages request without the generation settings). */
export const COUNT_TOKENS_FIELDS = ['model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config', 'mcp_servers', 'context_management'] as const

/**
 * Anthropic's exact token counting (`POST /v1/messages/count_tokens` → `{input_tokens}`). An
 * Anthropic client's body goes as sent (model id replaced; `anthropic-beta` forwarded); any other
 * client's request is converted like a Messages request, keeping only the fields counting takes
 * (generation settings do not count, so their conversion warnings are not reported).
 */
export const anthropicCountTokens: CountTokensOperation = {
  wireFormat: 'anthropic-messages',
  endpoint: '/v1/messages/count_tokens',
  convertRequest(request, context) {
    const converted = convertToAnthropicRequest({ ...request, stream: false }, context)
    const body: Record<string, unknown> = {}
    for (const field of COUNT_TOKENS_FIELDS) if (converted.body[field] !== undefined) body[field] = converted.body[field]
    return converted.headers ? { body, headers: converted.headers } : { body }
  },
  preparePassthroughBody: (body, context) => ({ body: { ...body, model: context.modelId } }),
  convertResponse(body: { input_tokens?: unknown }) {
    if (typeof body?.input_tokens === 'number') return body.input_tokens
    throw new GatewayError({ status: 502, type: 'upstream_error', code: 'upstream_malformed_response', message: 'Anthropic answered count_tokens without input_tokens' })
  },
}
