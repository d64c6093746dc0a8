import { Type, type TSchema } from '@sinclair/typebox'
import { anthropicMessagesDialect } from '../dialects/anthropic-messages'
import { anthropicCountTokensDialect } from '../dialects/anthropic-messages/anthropic-count-tokens'
import { AnthropicErrorSchema, AnthropicMessagesRequestSchema, AnthropicMessagesResponseSchema } from '../dialects/anthropic-messages/anthropic-messages-schema'
import { openAIChatDialect } from '../dialects/openai-chat'
import { OpenAIChatRequestSchema, OpenAIChatResponseSchema } from '../dialects/openai-chat/openai-chat-schema'
import { geminiDialect } from '../dialects/gemini'
import { GeminiErrorSchema, GeminiGenerateContentRequestSchema, GeminiGenerateContentResponseSchema } from '../dialects/gemini/gemini-schema'
import {
  GeminiBatchEmbedContentsRequestSchema,
  GeminiBatchEmbedContentsResponseSchema,
  GeminiCountTokensRequestSchema,
  GeminiCountTokensResponseSchema,
  GeminiEmbedContentRequestSchema,
  GeminiEmbedContentResponseSchema,
} from '../dialects/gemini/gemini-operation-schemas'
import { openAICompletionsDialect, OpenAICompletionsRequestSchema, OpenAICompletionsResponseSchema } from '../dialects/openai-completions'
import { openAIEmbeddingsDialect, OpenAIEmbeddingsRequestSchema, OpenAIEmbeddingsResponseSchema } from '../dialects/openai-embeddings'
import { openAIResponsesDialect, OpenAIResponsesRequestSchema, OpenAIResponsesResponseSchema } from '../dialects/openai-responses'
import { handleCountTokens } from '../pipeline/handle-count-tokens'
import { handleEmbeddings } from '../pipeline/handle-embeddings'
import type { Admission, InferenceRuntime } from '../pipeline/handle-inference'
import type { Dialect } from '../plugin/dialect'
import { handleGeminiModelRoute } from './gemini-model-route'
import { modelListFamily } from './models/model-list-family'

/** Serves a matched, authenticated request. */
export type RouteHandler = (runtime: InferenceRuntime, admission: Admission, request: Request, body: Record<string, unknown>, params: Record<string, string>) => Promise<Response>

/** An OpenAPI path documented for a wildcard route (the model sits inside the path). */
export interface DocumentedPath {
  path: string
  summary: string
  stream?: boolean
  /** Request and response schemas of this method, when they differ from the route's. */
  body?: TSchema
  response?: TSchema
}

export interface InferenceRoute {
  path: string
  /** The dialect of the surface: renders its errors, and serves it unless `handle` is given. */
  dialect: Dialect
  /** The pipeline for this route. @default handleInference with `dialect` */
  handle?: RouteHandler
  /** Answers with server-sent events when the body asks for a stream. @default true */
  streams?: boolean
  body: TSchema
  response: TSchema
  errorSchema?: TSchema
  summary: string
  tag: string
  /**
   * Wildcard routes (the model sits inside the path) are documented as these OpenAPI paths
   * instead of their router pattern.
   */
  documentedAs?: DocumentedPath[]
}

/** The Gemini wildcard routes take any JSON object: the method in the path picks the schema (see gemini-model-route.ts). */
const AnyGeminiBody = Type.Object({}, { additionalProperties: true })

const geminiMethods = (prefix: string, note: string): DocumentedPath[] => [
  { path: `${prefix}/models/{model}:generateContent`, summary: `Generate content (Gemini API${note}); any model, any provider`, body: GeminiGenerateContentRequestSchema },
  { path: `${prefix}/models/{model}:streamGenerateContent`, summary: `Stream generated content (Gemini API${note}): SSE with \`?alt=sse\`, else a streamed JSON array`, stream: true, body: GeminiGenerateContentRequestSchema },
  { path: `${prefix}/models/{model}:countTokens`, summary: `Count input tokens (Gemini API${note}): exact for Gemini, Anthropic and OpenAI routes, else estimated (x-tollgate-token-count)`, body: GeminiCountTokensRequestSchema, response: GeminiCountTokensResponseSchema },
  { path: `${prefix}/models/{model}:embedContent`, summary: `Embed one content (Gemini API${note}); any embedding model`, body: GeminiEmbedContentRequestSchema, response: GeminiEmbedContentResponseSchema },
  { path: `${prefix}/models/{model}:batchEmbedContents`, summary: `Embed several contents (Gemini API${note}); any embedding model`, body: GeminiBatchEmbedContentsRequestSchema, response: GeminiBatchEmbedContentsResponseSchema },
]

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
    path: '/v1/completions',
    dialect: openAICompletionsDialect,
    body: OpenAICompletionsRequestSchema,
    response: OpenAICompletionsResponseSchema,
    summary: 'Create a completion (OpenAI legacy Completions API); any model, any provider',
    tag: 'OpenAI',
  },
  {
    path: '/v1/embeddings',
    dialect: openAIChatDialect,
    handle: (runtime, admission, request, body, params) => handleEmbeddings(runtime, openAIEmbeddingsDialect, admission, request, body, params),
    streams: false,
    body: OpenAIEmbeddingsRequestSchema,
    response: OpenAIEmbeddingsResponseSchema,
    summary: 'Create embeddings (OpenAI Embeddings API): float or base64 vectors; any embedding model, any provider',
    tag: 'OpenAI',
  },
  {
    path: '/v1/messages/count_tokens',
    dialect: anthropicMessagesDialect,
    handle: (runtime, admission, request, body, params) => handleCountTokens(runtime, anthropicCountTokensDialect, admission, request, body, params),
    streams: false,
    body: AnthropicMessagesRequestSchema,
    response: Type.Object({ input_tokens: Type.Integer() }, { description: 'Input tokens; the x-tollgate-token-count header says `provider` (exact) or `estimate`' }),
    errorSchema: AnthropicErrorSchema,
    summary: 'Count input tokens (Anthropic API): exact for Anthropic, Gemini and OpenAI routes, else estimated (x-tollgate-token-count)',
    tag: 'Anthropic',
  },
  {
    path: '/v1beta/models/*',
    dialect: geminiDialect,
    handle: handleGeminiModelRoute,
    body: AnyGeminiBody,
    response: GeminiGenerateContentResponseSchema,
    errorSchema: GeminiErrorSchema,
    summary: 'Gemini API model methods; any model, any provider',
    tag: 'Gemini',
    documentedAs: geminiMethods('/v1beta', ''),
  },
  {
    // The Google GenAI SDK 3.x calls the same methods under /v1.
    path: '/v1/models/*',
    dialect: geminiDialect,
    handle: handleGeminiModelRoute,
    body: AnyGeminiBody,
    response: GeminiGenerateContentResponseSchema,
    errorSchema: GeminiErrorSchema,
    summary: 'Gemini API model methods (v1 paths, as the Google GenAI SDK sends them); any model, any provider',
    tag: 'Gemini',
    documentedAs: geminiMethods('/v1', ', v1 path'),
  },
]

/**
 * Which dialect answers errors for a path (before a route is matched). The model list
 * (`/v1/models`, shared by every family) answers in the shape of the client that asks: Anthropic
 * SDKs send `anthropic-version`, Google's send `x-goog-api-key` or `x-goog-api-client`.
 */
export function dialectForPath(path: string, headers?: Headers): Dialect {
  if (path.startsWith('/v1/messages')) return anthropicMessagesDialect
  if (path.startsWith('/v1beta/') || (path.startsWith('/v1/models/') && path.includes(':'))) return geminiDialect
  if (headers && (path === '/v1/models' || path.startsWith('/v1/models/'))) {
    const family = modelListFamily(headers)
    if (family === 'anthropic') return anthropicMessagesDialect
    if (family === 'gemini') return geminiDialect
  }
  if (path.startsWith('/v1/responses')) return openAIResponsesDialect
  return openAIChatDialect
}
