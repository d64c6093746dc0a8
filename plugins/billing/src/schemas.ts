import { PageQuerySchema, Type } from '@tollgate/core'

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const usd = (description: string) => Type.Number({ description: `${description} (USD)` })
const unixSeconds = (description: string) => Type.Integer({ description: `${description} (Unix seconds)` })

export const BalanceSchema = Type.Object(
  {
    object: Type.Literal('balance'),
    account_id: Type.String(),
    balance: usd('Prepaid balance'),
    reserved: usd('Held by requests in flight (their worst-case cost until they settle)'),
    available: usd('What new requests can use: balance − reserved'),
    currency: Type.Literal('USD'),
    plan: Type.String(),
    limits: Type.Object({
      minimum_balance: usd("The plan's minimum balance kept on top of each request's reservation"),
      spend_limit: nullable(usd("This key's spend limit; null = none")),
      key_spent: nullable(usd('What this key has spent')),
      key_reserved: nullable(usd('What requests of this key hold')),
      key_available: nullable(usd('What this key may still spend: spend_limit − spent − reserved')),
      rpm: nullable(Type.Integer({ description: 'Requests per minute (key, else account); null = plan default' })),
      tpm: nullable(Type.Integer({ description: 'Tokens per minute (key, else account); null = plan default' })),
      max_concurrency: nullable(Type.Integer({ description: 'Concurrent requests (key, else account); null = plan default' })),
    }),
  },
  { description: "An account's money: balance, held and available, in USD" },
)

export const LedgerEntrySchema = Type.Object(
  {
    id: Type.String({ examples: ['led_1k80hv24300005m0ap36jqu'] }),
    object: Type.Literal('ledger_entry'),
    account_id: Type.String(),
    type: Type.Union(['credit', 'reserve', 'settle', 'release', 'refund', 'adjustment'].map((type) => Type.Literal(type))),
    amount: usd('Change to the balance (signed)'),
    reserved: usd('Change to the held money (signed)'),
    balance_after: usd('Balance right after this entry'),
    reserved_after: usd('Held money right after this entry'),
    request_id: nullable(Type.String({ description: 'The request (holds, settles, refunds), or the Idempotency-Key of a top-up' })),
    key_id: nullable(Type.String()),
    price_version: nullable(Type.String({ description: 'The price catalogue version used' })),
    note: nullable(Type.String()),
    created_by: nullable(Type.String({ description: '`master`, `cli`, an admin key id, or `gateway` for request holds' })),
    created_at: unixSeconds('Time'),
  },
  { description: 'An append-only ledger entry' },
)

export const MovementSchema = Type.Object({ entry: LedgerEntrySchema, balance: BalanceSchema }, { description: 'The ledger entry and the new balance' })

const tokens = (description: string) => Type.Integer({ minimum: 0, description })

export const UsageRecordSchema = Type.Object(
  {
    id: Type.String({ description: 'The request id (x-request-id)' }),
    object: Type.Literal('usage_record'),
    created_at: unixSeconds('When the request arrived'),
    account_id: nullable(Type.String()),
    key_id: nullable(Type.String()),
    project_id: nullable(Type.String()),
    dialect: Type.String({ description: 'Inbound API: openai-chat, anthropic-messages, openai-responses, gemini' }),
    model: Type.String({ description: 'The model asked for' }),
    served_model: nullable(Type.String({ description: 'provider/model that served it' })),
    provider: nullable(Type.String()),
    tokens: Type.Object({
      input: tokens('All input tokens'),
      input_no_cache: tokens('Input read without cache'),
      input_cache_read: tokens('Input read from the prompt cache'),
      input_cache_write: tokens('Input written to the prompt cache'),
      output: tokens('All output tokens'),
      output_text: tokens('Output: text and tool calls'),
      output_reasoning: tokens('Output: reasoning'),
    }),
    estimated: Type.Boolean({ description: "Counted by the gateway (the upstream's figure never came: abort, cut stream)" }),
    cost: usd('Price of the usage'),
    charged: usd('What the account was charged'),
    price_version: nullable(Type.String()),
    latency_ms: Type.Integer(),
    time_to_first_token_ms: nullable(Type.Integer()),
    status: Type.Integer({ description: 'HTTP status sent to the client' }),
    outcome: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('cancelled')]),
    error_code: nullable(Type.String()),
    streamed: Type.Boolean(),
    attempts: Type.Integer({ description: 'Upstream attempts (retries and fallbacks included)' }),
  },
  { description: 'One inference request as billed' },
)

const rates = {
  input: usd('Per million input tokens'),
  cached_input: usd('Per million cached input tokens'),
  cache_write: usd('Per million tokens written to the prompt cache'),
  output: usd('Per million output tokens'),
  reasoning: usd('Per million reasoning tokens'),
  request: usd('Per request'),
}

export const PriceSchema = Type.Object(
  {
    object: Type.Literal('price'),
    model: Type.String({ description: 'provider/model, or a pattern with *' }),
    version: Type.String({ description: 'The version id ledger entries and usage records name' }),
    effective_from: Type.String({ description: 'YYYY-MM-DD (UTC)' }),
    currency: Type.Literal('USD'),
    ...rates,
    long_context: nullable(Type.Object({ above: Type.Integer({ description: 'Input tokens above which these rates apply' }), ...rates })),
  },
  { description: 'A model price in effect' },
)

const time = (description: string) => Type.Optional(Type.String({ description: `${description}: Unix seconds or an ISO 8601 date-time` }))

export const UsageQuerySchema = Type.Composite([
  PageQuerySchema,
  Type.Object({
    key_id: Type.Optional(Type.String({ description: 'Only this key' })),
    model: Type.Optional(Type.String({ description: 'Only this model (as asked, or the provider/model that served)' })),
    from: time('Records from this time on'),
    to: time('Records before this time'),
  }),
])

export const AdminUsageQuerySchema = Type.Composite([UsageQuerySchema, Type.Object({ account_id: Type.Optional(Type.String({ description: 'Only this account' })) })])

export const CreditBody = Type.Object({
  amount: Type.Number({ exclusiveMinimum: 0, description: 'USD to add (up to 6 decimals)' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
})

export const AdjustmentBody = Type.Object({
  amount: Type.Number({ description: 'USD to add (positive) or take (negative)' }),
  note: Type.String({ minLength: 1, maxLength: 500, description: 'Why (required)' }),
})

export const RefundBody = Type.Object({
  request_id: Type.String({ minLength: 1, description: 'The request to refund (its x-request-id)' }),
  amount: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'USD to give back (default: all it was charged)' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
})

export const IdParams = Type.Object({ id: Type.String() })
