import { Type, type TObject, type TProperties } from '@sinclair/typebox'

/** Every object is open: unknown and beta fields must reach the upstream (Elysia would strip them). */
const open = <T extends TProperties>(properties: T, description?: string): TObject<T> =>
  Type.Object(properties, { additionalProperties: true, ...(description && { description }) })

const contentBlock = open({ type: Type.String() }, 'A content block (text, image, document, tool_use, tool_result, thinking, ...)')
const content = Type.Union([Type.String(), Type.Array(contentBlock)])

/** Request body of `POST /v1/messages`, for validation and OpenAPI; tolerant by design. */
export const AnthropicMessagesRequestSchema = open(
  {
    model: Type.String({ minLength: 1 }),
    max_tokens: Type.Optional(Type.Integer({ minimum: 1, description: 'Filled from the model catalogue when omitted' })),
    messages: Type.Array(
      open({
        role: Type.Union([Type.Literal('user'), Type.Literal('assistant'), Type.Literal('system')]),
        content,
      }),
      { minItems: 1 },
    ),
    system: Type.Optional(Type.Union([Type.String(), Type.Array(open({ type: Type.Literal('text'), text: Type.String() }))])),
    tools: Type.Optional(Type.Array(open({ name: Type.String() }, 'A custom tool (input_schema) or a server tool (type)'))),
    tool_choice: Type.Optional(open({ type: Type.String() })),
    thinking: Type.Optional(open({ type: Type.String() })),
    output_config: Type.Optional(open({})),
    temperature: Type.Optional(Type.Number()),
    top_p: Type.Optional(Type.Number()),
    top_k: Type.Optional(Type.Integer()),
    stop_sequences: Type.Optional(Type.Array(Type.String())),
    metadata: Type.Optional(open({ user_id: Type.Optional(Type.Union([Type.String(), Type.Null()])) })),
    stream: Type.Optional(Type.Boolean()),
  },
  'Anthropic Messages request',
)

/** A loose response schema for docs. */
export const AnthropicMessagesResponseSchema = open(
  {
    id: Type.String(),
    type: Type.Literal('message'),
    role: Type.Literal('assistant'),
    model: Type.String(),
    content: Type.Array(contentBlock),
    stop_reason: Type.Union([Type.String(), Type.Null()]),
    stop_sequence: Type.Union([Type.String(), Type.Null()]),
    usage: open({ input_tokens: Type.Integer(), output_tokens: Type.Integer() }),
  },
  'Anthropic Messages response',
)

/** Error body `{type: 'error', error: {type, message}}` (for docs). */
export const AnthropicErrorSchema = open(
  {
    type: Type.Literal('error'),
    error: open({ type: Type.String(), message: Type.String() }),
  },
  'Anthropic error',
)
