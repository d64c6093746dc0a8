import type { Dialect } from '../../plugin/dialect'
import { openAIChatToCanonical } from './openai-chat-to-canonical'
import { createOpenAIChatStreamRenderer } from './openai-chat-stream-renderer'
import { createOpenAIChatTap } from './openai-chat-tap'
import { renderOpenAIChatError } from './render-openai-chat-error'
import { renderOpenAIChatResponse } from './render-openai-chat-response'

/** The OpenAI Chat Completions dialect (`POST /v1/chat/completions`). */
export const openAIChatDialect: Dialect = {
  id: 'openai-chat',
  toCanonical: (body) => openAIChatToCanonical(body),
  renderResponse: renderOpenAIChatResponse,
  createStreamRenderer: createOpenAIChatStreamRenderer,
  renderError: renderOpenAIChatError,
  createTap: createOpenAIChatTap,
}

export { openAIChatToCanonical } from './openai-chat-to-canonical'
export { createOpenAIChatStreamRenderer } from './openai-chat-stream-renderer'
export { createOpenAIChatTap } from './openai-chat-tap'
export { convertToOpenAIChatError, renderOpenAIChatError } from './render-openai-chat-error'
export { renderOpenAIChatResponse } from './render-openai-chat-response'
export { OpenAIChatRequestSchema, OpenAIChatResponseSchema } from './openai-chat-schema'
