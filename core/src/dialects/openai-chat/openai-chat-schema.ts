import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox'

/** Every object is open (`additionalProperties: true`) so unknown fields survive Elysia's normalisation. */
const Open = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: true, ...(description === undefined ? {} : { description }) })

/** Optional and nullable: the dialect treats `null` as "not given", as OpenAI does. */
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]))
const NullableNumber = Nullable(Type.Number())

const ContentPart = Open({ type: Type.String() }, 'A content part: text, image_url, input_audio, file or refusal')

const Message = Open({
  role: Type.Union(['system', 'developer', 'user', 'assistant', 'tool', 'function'].map((role) => Type.Literal(role))),
  content: Nullable(Type.Union([Type.String(), Type.Array(ContentPart)])),
  name: Type.Optional(Type.String()),
  tool_call_id: Type.Optional(Type.String()),
  tool_calls: Nullable(Type.Array(Open({ id: Type.String(), type: Type.String(), function: Open({ name: Type.String(), arguments: Type.String() }) }))),
})

const Tool = Open({
  type: Type.String(),
  function: Type.Optional(Open({ name: Type.String(), description: Type.Optional(Type.String()), parameters: Type.Optional(Open({})), strict: Type.Optional(Type.Boolean()) })),
})

/** `POST /v1/chat/completions` request body (validation + OpenAPI). Semantic checks live in openAIChatToCanonical. */
export const OpenAIChatRequestSchema = Open(
  {
    model: Type.String({ description: 'Model id, optionally `provider/model`' }),
    messages: Type.Array(Message, { minItems: 1 }),
    stream: Nullable(Type.Boolean()),
    stream_options: Nullable(Open({ include_usage: Nullable(Type.Boolean()) })),
    tools: Nullable(Type.Array(Tool)),
    tool_choice: Nullable(Type.Union([Type.String(), Open({ type: Type.String() })])),
    parallel_tool_calls: Nullable(Type.Boolean()),
    response_format: Nullable(Open({ type: Type.String() })),
    max_tokens: NullableNumber,
    max_completion_tokens: NullableNumber,
    temperature: NullableNumber,
    top_p: NullableNumber,
    stop: Nullable(Type.Union([Type.String(), Type.Array(Type.String())])),
    seed: NullableNumber,
    frequency_penalty: NullableNumber,
    presence_penalty: NullableNumber,
    n: NullableNumber,
    reasoning_effort: Nullable(Type.String()),
    user: Nullable(Type.String()),
  },
  'OpenAI Chat Completions request; fields not listed pass through to OpenAI-format upstreams',
)

const Usage = Open({ prompt_tokens: Type.Number(), completion_tokens: Type.Number(), total_tokens: Type.Number() })

/** `chat.completion` response (loose; for docs). */
export const OpenAIChatResponseSchema = Open({
  id: Type.String(),
  object: Type.Literal('chat.completion'),
  created: Type.Number(),
  model: Type.String(),
  choices: Type.Array(
    Open({
      index: Type.Number(),
      message: Open({ role: Type.Literal('assistant'), content: Type.Union([Type.String(), Type.Null()]), tool_calls: Nullable(Type.Array(Open({}))) }),
      finish_reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  usage: Type.Optional(Usage),
})
