import type { Dialect } from '../../plugin/dialect'
import { anthropicMessagesToCanonical } from './anthropic-messages-to-canonical'
import { createAnthropicMessagesTap } from './anthropic-messages-tap'
import { createAnthropicStreamRenderer } from './anthropic-stream-renderer'
import { renderAnthropicError } from './render-anthropic-error'
import { renderAnthropicResponse } from './render-anthropic-response'

/** The Anthropic Messages dialect (`POST /v1/messages`). */
export const anthropicMessagesDialect: Dialect = {
  id: 'anthropic-messages',
  toCanonical: anthropicMessagesToCanonical,
  renderResponse: renderAnthropicResponse,
  createStreamRenderer: createAnthropicStreamRenderer,
  renderError: renderAnthropicError,
  createTap: createAnthropicMessagesTap,
}

export { anthropicMessagesToCanonical } from './anthropic-messages-to-canonical'
export { createAnthropicStreamRenderer } from './anthropic-stream-renderer'
export { createAnthropicMessagesTap } from './anthropic-messages-tap'
export { renderAnthropicError } from './render-anthropic-error'
export { renderAnthropicResponse } from './render-anthropic-response'
export { AnthropicErrorSchema, AnthropicMessagesRequestSchema, AnthropicMessagesResponseSchema } from './anthropic-messages-schema'
