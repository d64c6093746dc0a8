import { Type } from '@tollgate/core'
import { SCOPES } from './scopes'

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const limit = (description: string) => Type.Integer({ minimum: 1, description })
const unixSeconds = (description: string) => Type.Integer({ description: `${description} (Unix seconds)` })

const AccountFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  plan: Type.String({ pattern: '^[\\w.-]{1,64}$', description: 'Plan name (defaults for limits and billing rules)', examples: ['default'] }),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended')], { description: "A suspended account's keys are refused" }),
  rpm: nullable(limit('Requests per minute for the whole account; null = plan default')),
  tpm: nullable(limit('Tokens per minute for the whole account; null = plan default')),
  max_concurrency: nullable(limit('Concurrent requests for the whole account; null = plan default')),
}

export const AccountSchema = Type.Object(
  {
    id: Type.String({ examples: ['acct_1k80hv23t00002f3kln08vr'] }),
    object: Type.Literal('account'),
    ...AccountFields,
    balance: Type.Number({ description: 'Prepaid balance in USD' }),
    created_at: unixSeconds('Creation time'),
    updated_at: unixSeconds('Last change'),
  },
  { description: 'An account: the owner of keys, limits and a balance' },
)

export const CreateAccountBody = Type.Object({
  name: AccountFields.name,
  plan: Type.Optional(AccountFields.plan),
  rpm: Type.Optional(AccountFields.rpm),
  tpm: Type.Optional(AccountFields.tpm),
  max_concurrency: Type.Optional(AccountFields.max_concurrency),
})

export const UpdateAccountBody = Type.Partial(Type.Object(AccountFields))

const Scope = Type.Union(
  SCOPES.map((scope) => Type.Literal(scope)),
  { description: 'inference (chat, messages, ...), models:read, keys:write (self-service keys), usage:read, billing:read, admin' },
)

const KeyFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Union([Type.Literal('private'), Type.Literal('public')], { description: 'private (sk-tg-…, servers) or public (pk-tg-…, browsers: inference only, bound models, allowed origins)' }),
  scopes: Type.Array(Scope, { description: 'Default for private keys: inference, models:read, usage:read, billing:read' }),
  models: Type.Array(Type.String({ minLength: 1 }), { description: 'Model allowlist: ids or patterns with *, e.g. openai/* (required for public keys)' }),
  project_id: Type.String(),
  expires_at: Type.Union([Type.Integer(), Type.String()], { description: 'Expiry: Unix seconds or an ISO 8601 date-time' }),
  rpm: limit('Requests per minute for this key'),
  tpm: limit('Tokens per minute for this key'),
  max_concurrency: limit('Concurrent requests for this key'),
  spend_limit: Type.Number({ minimum: 0, description: 'Spend cap in USD' }),
  allowed_origins: Type.Array(Type.String(), { description: 'Browser origins allowed to use the key, e.g. https://app.example.com (required for public keys)' }),
}

export const CreateKeyBody = Type.Object({
  name: KeyFields.name,
  type: KeyFields.type,
  scopes: Type.Optional(KeyFields.scopes),
  models: Type.Optional(KeyFields.models),
  project_id: Type.Optional(KeyFields.project_id),
  expires_at: Type.Optional(KeyFields.expires_at),
  rpm: Type.Optional(KeyFields.rpm),
  tpm: Type.Optional(KeyFields.tpm),
  max_concurrency: Type.Optional(KeyFields.max_concurrency),
  spend_limit: Type.Optional(KeyFields.spend_limit),
  allowed_origins: Type.Optional(KeyFields.allowed_origins),
})

const keyProperties = {
  id: Type.String({ examples: ['key_1k80hv24300005m0ap36jqu'] }),
  object: Type.Literal('api_key'),
  name: Type.String(),
  type: KeyFields.type,
  account_id: Type.String(),
  project_id: nullable(Type.String()),
  prefix: Type.String({ description: 'The start of the key, for recognising it (the key itself is never shown again)', examples: ['sk-tg-AbCd1234'] }),
  scopes: Type.Array(Type.String()),
  models: nullable(Type.Array(Type.String())),
  allowed_origins: nullable(Type.Array(Type.String())),
  rpm: nullable(Type.Integer()),
  tpm: nullable(Type.Integer()),
  max_concurrency: nullable(Type.Integer()),
  spend_limit: nullable(Type.Number({ description: 'USD' })),
  expires_at: nullable(unixSeconds('Expiry')),
  revoked: Type.Boolean(),
  revoked_at: nullable(unixSeconds('Revocation time')),
  last_used_at: nullable(unixSeconds('Last use (recorded in batches, may lag a few seconds on other instances)')),
  created_by: nullable(Type.String({ description: '`master`, or the id of the key that created it' })),
  created_at: unixSeconds('Creation time'),
}

export const ApiKeySchema = Type.Object(keyProperties, { description: 'An API key (without its secret)' })

export const CreatedApiKeySchema = Type.Object(
  { ...keyProperties, key: Type.String({ description: 'The full key. Shown only in this response: store it now.', examples: ['sk-tg-AbCd1234…'] }) },
  { description: 'The new key, with its secret (shown once)' },
)

export const ProjectSchema = Type.Object({
  id: Type.String({ examples: ['proj_1k80hv24300005m0ap36jqu'] }),
  object: Type.Literal('project'),
  name: Type.String(),
  account_id: Type.String(),
  created_at: unixSeconds('Creation time'),
})

export const CreateProjectBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) })
export const IdParams = Type.Object({ id: Type.String() })
