import { Type, type TObject, type TProperties, type TSchema } from '@sinclair/typebox'

/** Every object is open (`additionalProperties: true`) so unknown fields survive Elysia's normalisation. */
const Open = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: true, ...(description === undefined ? {} : { description }) })

/** Optional and nullable: the dialect treats `null` as "not given", as OpenAI does. */
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]))
const NullableNumber = Nullable(Type.Number())

const Item = Open(
  { type: Type.Optional(Type.String()), role: Type.Optional(Type.String()) },
  'An input item: a message ({role, content}), reasoning, function_call, function_call_output, custom_tool_call(_output) or a built-in tool item',
)
const Tool = Open({ type: Type.String(), name: Type.Optional(Type.String()) }, 'A function, custom, namespace (grouped function and custom tools) or built-in tool (web_search, file_search, mcp, ...)')

/** `POST /v1/responses` request body (validation + OpenAPI). Semantic checks live in openAIResponsesToCanonical. */
export const OpenAIResponsesRequestSchema = Open(
  {
    model: Type.String({ description: 'Model id, optionally `provider/model`' }),
    input: Type.Optional(Type.Union([Type.String(), Type.Array(Item)], { description: 'A user message, or the conversation as items' })),
    instructions: Nullable(Type.String()),
    stream: Nullable(Type.Boolean()),
    tools: Nullable(Type.Array(Tool)),
    tool_choice: Nullable(Type.Union([Type.String(), Open({ type: Type.String() })])),
    parallel_tool_calls: Nullable(Type.Boolean()),
    text: Nullable(Open({ format: Nullable(Open({ type: Type.String() })) })),
    reasoning: Nullable(Open({ effort: Nullable(Type.String()), summary: Nullable(Type.String()) })),
    include: Nullable(Type.Array(Type.String())),
    store: Nullable(Type.Boolean()),
    max_output_tokens: NullableNumber,
    temperature: NullableNumber,
    top_p: NullableNumber,
    user: Nullable(Type.String()),
    metadata: Nullable(Open({})),
    previous_response_id: Nullable(Type.String({ description: 'Not supported when the request is translated: Tollgate is stateless' })),
  },
  'OpenAI Responses request; fields not listed pass through to OpenAI upstreams',
)

const OutputItem = Open({ type: Type.String() })
const Usage = Open({ input_tokens: Type.Number(), output_tokens: Type.Number(), total_tokens: Type.Number() })

/** The `response` object (loose; for docs). */
export const OpenAIResponsesResponseSchema = Open({
  id: Type.String(),
  object: Type.Literal('response'),
  created_at: Type.Number(),
  status: Type.Optional(Type.String()),
  model: Type.String(),
  output: Type.Array(OutputItem),
  usage: Nullable(Usage),
})
