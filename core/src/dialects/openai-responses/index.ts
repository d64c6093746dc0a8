import type { Dialect } from '../../plugin/dialect'
import { renderOpenAIChatError } from '../openai-chat/render-openai-chat-error'
import { openAIResponsesToCanonical } from './openai-responses-to-canonical'
import { createOpenAIResponsesStreamRenderer } from './openai-responses-stream-renderer'
import { createOpenAIResponsesTap } from './openai-responses-tap'
import { readOpenAIResponsesTarget } from './read-openai-responses-target'
import { renderOpenAIResponsesResponse } from './render-openai-responses-response'

/** The OpenAI Responses dialect (`POST /v1/responses`). Errors use the OpenAI envelope, as Chat Completions does. */
export const openAIResponsesDialect: Dialect = {
  id: 'openai-responses',
  readTarget: (body) => readOpenAIResponsesTarget(body),
  toCanonical: (body) => openAIResponsesToCanonical(body),
  renderResponse: renderOpenAIResponsesResponse,
  createStreamRenderer: createOpenAIResponsesStreamRenderer,
  renderError: renderOpenAIChatError,
  createTap: createOpenAIResponsesTap,
}

export { openAIResponsesToCanonical } from './openai-responses-to-canonical'
export { readOpenAIResponsesTarget, type OpenAIResponsesRenderOptions } from './read-openai-responses-target'
export { createOpenAIResponsesStreamRenderer } from './openai-responses-stream-renderer'
export { createOpenAIResponsesTap } from './openai-responses-tap'
export { renderOpenAIResponsesResponse } from './render-openai-responses-response'
export { OpenAIResponsesRequestSchema, OpenAIResponsesResponseSchema } from './openai-responses-schema'
