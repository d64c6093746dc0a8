import { Type } from '@sinclair/typebox'

/** `POST /v1/completions` (legacy) request; fields not listed pass through to OpenAI completion models. */
export const OpenAICompletionsRequestSchema = Type.Object(
  {
    model: Type.String({ minLength: 1 }),
    prompt: Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1, maxItems: 1 })], { description: 'One prompt: a string, or an array holding one string' }),
    max_tokens: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Default 16, as in OpenAI (also when null)' })),
    stream: Type.Optional(Type.Boolean()),
    stream_options: Type.Optional(Type.Object({ include_usage: Type.Optional(Type.Boolean()) }, { additionalProperties: true })),
    echo: Type.Optional(Type.Boolean({ description: 'Prepend the prompt to the completion' })),
    suffix: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Text after the insertion: OpenAI completion models only' })),
    temperature: Type.Optional(Type.Number()),
    top_p: Type.Optional(Type.Number()),
    n: Type.Optional(Type.Integer({ minimum: 1 })),
    stop: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String()), Type.Null()])),
    seed: Type.Optional(Type.Integer()),
    frequency_penalty: Type.Optional(Type.Number()),
    presence_penalty: Type.Optional(Type.Number()),
    user: Type.Optional(Type.String()),
  },
  { additionalProperties: true, description: 'OpenAI (legacy) completions request' },
)

const choice = Type.Object({
  text: Type.String(),
  index: Type.Integer(),
  logprobs: Type.Null(),
  finish_reason: Type.Union([Type.Literal('stop'), Type.Literal('length'), Type.Literal('content_filter'), Type.Null()]),
})

/** A `text_completion` (also each chunk of a stream, with `finish_reason: null` until the last). */
export const OpenAICompletionsResponseSchema = Type.Object(
  {
    id: Type.String(),
    object: Type.Literal('text_completion'),
    created: Type.Integer(),
    model: Type.String(),
    choices: Type.Array(choice),
    usage: Type.Optional(Type.Object({ prompt_tokens: Type.Integer(), completion_tokens: Type.Integer(), total_tokens: Type.Integer() }, { additionalProperties: true })),
  },
  { additionalProperties: true, description: 'OpenAI text completion' },
)
