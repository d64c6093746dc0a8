import { defineProvider } from '@tollgate/core'
import { convertOpenAIChatResponse } from './convert-openai-chat-response'
import { convertOpenAIError } from './convert-openai-error'
import { convertToOpenAIChatRequest } from './convert-to-openai-chat-request'
import { createOpenAIChatStreamConverter } from './openai-chat-stream-converter'
import { openaiCompletionsFormat } from './openai-completions-format'
import { openaiCountTokens } from './openai-count-tokens'
import { openaiCompletionModels } from './openai-completion-models'
import { openaiEmbeddingModels } from './openai-embedding-models'
import { openaiEmbeddings } from './openai-embeddings'
import { openaiModels } from './openai-models'
import { openaiResponsesFormat } from './openai-responses-format'
import { prepareOpenAIChatPassthroughBody } from './prepare-openai-chat-passthrough-body'

/**
 * OpenAI (`POST /v1/chat/completions`; Responses clients get `POST /v1/responses`, legacy completions
 * clients `POST /v1/completions` for completion models), embeddings (`POST /v1/embeddings`) and exact
 * token counting (`POST /v1/responses/input_tokens`). Usage: `openai({ apiKey })`.
 */
export const openai = defineProvider({
  specificationVersion: 'v1',
  id: 'openai',
  name: 'OpenAI',
  wireFormat: 'openai-chat',
  defaultBaseURL: 'https://api.openai.com/v1',
  env: { apiKey: 'OPENAI_API_KEY', baseURL: 'OPENAI_BASE_URL' },
  auth: { type: 'bearer' },
  endpoints: { chat: '/chat/completions' },
  models: [...openaiModels, ...openaiEmbeddingModels, ...openaiCompletionModels],
  modelPrefixes: ['gpt-', 'o1', 'o3', 'o4', 'chatgpt-', 'codex-'],
  passthroughHeaders: [],
  convertRequest: convertToOpenAIChatRequest,
  convertResponse: convertOpenAIChatResponse,
  createStreamConverter: createOpenAIChatStreamConverter,
  convertError: convertOpenAIError,
  preparePassthroughBody: prepareOpenAIChatPassthroughBody,
  alternateFormats: [openaiResponsesFormat, openaiCompletionsFormat],
  embeddings: openaiEmbeddings,
  countTokens: openaiCountTokens,
})
