import type { Dialect } from '../../plugin/dialect'
import { createOpenAIChatTap } from '../openai-chat/openai-chat-tap'
import { renderOpenAIChatError } from '../openai-chat/render-openai-chat-error'
import { createOpenAICompletionsStreamRenderer } from './openai-completions-stream-renderer'
import { OPENAI_COMPLETIONS_WIRE, openAICompletionsToCanonical, readOpenAICompletionsTarget } from './openai-completions-to-canonical'
import { renderOpenAICompletionsResponse } from './render-openai-completions-response'

/**
 * OpenAI's legacy completions (`POST /v1/completions`) on the chat pipeline: the prompt becomes one
 * user message; the answer is rendered back as `text_completion` (JSON, or SSE ending in
 * `data: [DONE]`). Errors share the OpenAI envelope; a same-format upstream's stream carries the
 * same usage and error frames as Chat Completions, so the Chat tap reads it.
 */
export const openAICompletionsDialect: Dialect = {
  id: OPENAI_COMPLETIONS_WIRE,
  readTarget: (body) => readOpenAICompletionsTarget(body),
  toCanonical: (body) => openAICompletionsToCanonical(body),
  renderResponse: renderOpenAICompletionsResponse,
  createStreamRenderer: createOpenAICompletionsStreamRenderer,
  renderError: renderOpenAIChatError,
  createTap: createOpenAIChatTap,
}

export { DEFAULT_COMPLETION_MAX_TOKENS, OPENAI_COMPLETIONS_WIRE, openAICompletionsToCanonical, readCompletionPrompt, readOpenAICompletionsTarget } from './openai-completions-to-canonical'
export { createOpenAICompletionsStreamRenderer } from './openai-completions-stream-renderer'
export { mapToOpenAICompletionsFinishReason, renderOpenAICompletionsResponse } from './render-openai-completions-response'
export { OpenAICompletionsRequestSchema, OpenAICompletionsResponseSchema } from './openai-completions-schema'
