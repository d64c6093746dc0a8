import type { TSchema } from '@sinclair/typebox'
import { anthropicMessagesDialect } from '../dialects/anthropic-messages'
import { AnthropicErrorSchema, AnthropicMessagesRequestSchema, AnthropicMessagesResponseSchema } from '../dialects/anthropic-messages/anthropic-messages-schema'
import { openAIChatDialect } from '../dialects/openai-chat'
import { OpenAIChatRequestSchema, OpenAIChatResponseSchema } from '../dialects/openai-chat/openai-chat-schema'
import { geminiDialect } from '../dialects/gemini'
import { GeminiErrorSchema, GeminiGenerateContentRequestSchema, GeminiGenerateContentResponseSchema } from '../dialects/gemini/gemini-schema'
import { openAIResponsesDialect, OpenAIResponsesRequestSchema, OpenAIResponsesResponseSchema } from '../dialects/openai-responses'
import type { Dialect } from '../plugin/dialect'

export interface InferenceRoute {
  path: string
  dialect: Dialect
  body: TSchema
  response: TSchema
  errorSchema?: TSchema
  summary: string
  tag: string
  /**
   * Wildcard routes (the model sits inside the path) are documented as these OpenAPI paths
   * instead of their router pattern.
   */
  documentedAs?: Array<{ path: string; summary: string; stream?: boolean }>
}

/** The inbound surfaces: one row per route, each with its dialect and schemas. */
export const inferenceRoutes: InferenceRoute[] = [
  {
    path: '/v1/chat/completions',
    dialect: openAIChatDialect,
    body: OpenAIChatRequestSchema,
    response: OpenAIChatResponseSchema,
    summary: 'Create a chat completion (OpenAI Chat Completions API); any model, any provider',
    tag: 'OpenAI',
  },
  {
    path: '/v1/messages',
    dialect: anthropicMessagesDialect,
    body: AnthropicMessagesRequestSchema,
    response: AnthropicMessagesResponseSchema,
    errorSchema: AnthropicErrorSchema,
    summary: 'Create a message (Anthropic Messages API); any model, any provider',
    tag: 'Anthropic',
  },
  {
    path: '/v1/responses',
    dialect: openAIResponsesDialect,
    body: OpenAIResponsesRequestSchema,
    response: OpenAIResponsesResponseSchema,
    summary: 'Create a model response (OpenAI Responses API); any model, any provider',
    tag: 'OpenAI',
  },
  {
    path: '/v1beta/models/*',
    dialect: geminiDialect,
    body: GeminiGenerateContentRequestSchema,
    response: GeminiGenerateContentResponseSchema,
    errorSchema: GeminiErrorSchema,
    summary: 'Generate content (Gemini API); any model, any provider',
    tag: 'Gemini',
    documentedAs: [
      { path: '/v1beta/models/{model}:generateContent', summary: 'Generate content (Gemini API); any model, any provider' },
      { path: '/v1beta/models/{model}:streamGenerateContent', summary: 'Stream generated content (Gemini API): SSE with `?alt=sse`, else a streamed JSON array', stream: true },
    ],
  },
  {
    // The Google GenAI SDK 3.x calls the same methods under /v1.
    path: '/v1/models/*',
    dialect: geminiDialect,
    body: GeminiGenerateContentRequestSchema,
    response: GeminiGenerateContentResponseSchema,
    errorSchema: GeminiErrorSchema,
    summary: 'Generate content (Gemini API, v1 paths); any model, any provider',
    tag: 'Gemini',
    documentedAs: [
      { path: '/v1/models/{model}:generateContent', summary: 'Generate content (Gemini API, v1 path as the Google GenAI SDK sends it)' },
      { path: '/v1/models/{model}:streamGenerateContent', summary: 'Stream generated content (Gemini API, v1 path)', stream: true },
    ],
  },
]

/** Which dialect answers errors for a path (before a route is matched). */
export function dialectForPath(path: string): Dialect {
  if (path.startsWith('/v1/messages')) return anthropicMessagesDialect
  if (path.startsWith('/v1beta/') || (path.startsWith('/v1/models/') && path.includes(':'))) return geminiDialect
  if (path.startsWith('/v1/responses')) return openAIResponsesDialect
  return openAIChatDialect
}
