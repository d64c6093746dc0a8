import { Type } from '@sinclair/typebox'
import { MODEL_TYPES } from './read-model-list-query'

/** Query of the model lists: every family's paging names, the gateway's filters, and `key` (Gemini REST auth). */
export const ModelListQuerySchema = Type.Object(
  {
    provider: Type.Optional(Type.String({ description: 'Only this provider’s models (a configured provider id)' })),
    type: Type.Optional(Type.String({ description: `Only models of this type: ${MODEL_TYPES.join(', ')}` })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]+$', description: 'Page size, 1–1000 (OpenAI shape: absent = all; Anthropic shape: default 20)' })),
    after: Type.Optional(Type.String({ description: 'Cursor (OpenAI shape): the `last_id` of the previous page' })),
    before: Type.Optional(Type.String({ description: 'Cursor (OpenAI shape): the `first_id` of the next page' })),
    after_id: Type.Optional(Type.String({ description: 'Cursor (Anthropic shape)' })),
    before_id: Type.Optional(Type.String({ description: 'Cursor (Anthropic shape)' })),
    pageSize: Type.Optional(Type.String({ pattern: '^[0-9]+$', description: 'Page size (Gemini shape), default 50' })),
    pageToken: Type.Optional(Type.String({ description: 'The `nextPageToken` of the previous page (Gemini shape)' })),
  },
  { additionalProperties: true },
)

export const OpenAIModelSchema = Type.Object(
  {
    id: Type.String({ examples: ['anthropic/claude-sonnet-4-5'] }),
    object: Type.Literal('model'),
    created: Type.Integer(),
    owned_by: Type.String(),
    provider: Type.String(),
    type: Type.Union(MODEL_TYPES.map((type) => Type.Literal(type))),
    context_window: Type.Union([Type.Integer(), Type.Null()]),
    max_output_tokens: Type.Union([Type.Integer(), Type.Null()]),
    capabilities: Type.Array(Type.String()),
    pricing: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Prices when a plugin (billing) knows them, else null' }),
    alias_of: Type.Optional(Type.String({ description: 'For config aliases: the provider/model it stands for' })),
  },
  { additionalProperties: true, description: 'A model (OpenAI shape, with the gateway’s fields)' },
)

export const OpenAIModelListSchema = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(OpenAIModelSchema),
    has_more: Type.Boolean(),
    first_id: Type.Union([Type.String(), Type.Null()]),
    last_id: Type.Union([Type.String(), Type.Null()]),
  },
  { description: 'Models this key may use (OpenAI shape; Anthropic shape with `anthropic-version`, Google shape with `x-goog-api-key`)' },
)

export const AnthropicModelSchema = Type.Object({ type: Type.Literal('model'), id: Type.String(), display_name: Type.String(), created_at: Type.String() }, { description: 'A model (Anthropic shape)' })
export const AnthropicModelListSchema = Type.Object(
  { data: Type.Array(AnthropicModelSchema), has_more: Type.Boolean(), first_id: Type.Union([Type.String(), Type.Null()]), last_id: Type.Union([Type.String(), Type.Null()]) },
  { description: 'Models (Anthropic shape)' },
)
