import type { TSchema } from '@sinclair/typebox'
import { anthropicMessagesDialect } from '../dialects/anthropic-messages'
import { AnthropicErrorSchema, AnthropicMessagesRequestSchema, AnthropicMessagesResponseSchema } from '../dialects/anthropic-messages/anthropic-messages-schema'
import { openAIChatDialect } from '../dialects/openai-chat'
import { OpenAIChatRequestSchema, OpenAIChatResponseSchema } from '../dialects/openai-chat/openai-chat-schema'
import type { Dialect } from '../plugin/dialect'

export interface InferenceRoute {
  path: string
  dialect: Dialect
  body: TSchema
  response: TSchema
  errorSchema?: TSchema
  summary: string
  tag: string
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
]

/** Which dialect answers errors for a path (before a route is matched). */
export function dialectForPath(path: string): Dialect {
  return path.startsWith('/v1/messages') ? anthropicMessagesDialect : openAIChatDialect
}
