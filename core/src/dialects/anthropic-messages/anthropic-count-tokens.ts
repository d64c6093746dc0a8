import type { CountTokensDialect } from '../../pipeline/handle-count-tokens'
import { anthropicMessagesDialect } from './index'

/**
 * Anthropic `POST /v1/messages/count_tokens`: a Messages request (no `max_tokens` needed) →
 * `{input_tokens}`. The counted body is the request itself.
 */
export const anthropicCountTokensDialect: CountTokensDialect = {
  chat: anthropicMessagesDialect,
  readTarget: (body) => ({ model: typeof body.model === 'string' ? body.model : '' }),
  chatBody: (body) => body,
  renderResponse: (inputTokens) => ({ input_tokens: inputTokens }),
}
