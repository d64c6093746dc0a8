import { Type } from '@sinclair/typebox'

const tokens = Type.Array(Type.Integer(), { minItems: 1 })

/** `POST /v1/embeddings` request; fields not listed pass through to OpenAI upstreams. */
export const OpenAIEmbeddingsRequestSchema = Type.Object(
  {
    model: Type.String({ minLength: 1, description: 'An embedding model (`text-embedding-3-small`, `gemini-embedding-001`, `mock/embed`, `provider/model`)' }),
    input: Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1 }), tokens, Type.Array(tokens, { minItems: 1 })], {
      description: 'A text, an array of texts, an array of token ids or an array of token-id arrays (token ids: OpenAI models only)',
    }),
    encoding_format: Type.Optional(Type.Union([Type.Literal('float'), Type.Literal('base64')], { description: 'float (default) or base64 of little-endian float32 (the OpenAI SDK asks for base64)' })),
    dimensions: Type.Optional(Type.Integer({ minimum: 1, description: 'Shorter vectors, for models that support it' })),
    user: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'OpenAI embeddings request' },
)

/** `POST /v1/embeddings` response (the shape OpenAI documents). */
export const OpenAIEmbeddingsResponseSchema = Type.Object(
  {
    object: Type.Literal('list'),
    data: Type.Array(
      Type.Object({
        object: Type.Literal('embedding'),
        index: Type.Integer(),
        embedding: Type.Union([Type.Array(Type.Number()), Type.String({ description: 'base64 of little-endian float32 values' })]),
      }),
    ),
    model: Type.String(),
    usage: Type.Object({ prompt_tokens: Type.Integer(), total_tokens: Type.Integer() }),
  },
  { additionalProperties: true, description: 'OpenAI embeddings response' },
)
