import { Type, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { BreakerPolicy, RetryPolicy, RouteConfig } from './routing-options'
import { STRATEGIES } from './routing-options'

const strict = { additionalProperties: false }
const positive = (description: string) => Type.Integer({ minimum: 1, description })
const milliseconds = (description: string) => Type.Integer({ minimum: 0, description })

export const DeploymentConfigSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, description: 'Stable id (breaker and health key)' })),
    provider: Type.String({ minLength: 1, description: "A configured provider's id" }),
    model: Type.String({ minLength: 1, description: 'Upstream model id' }),
    apiKey: Type.Optional(Type.String({ minLength: 1 })),
    apiKeyEnv: Type.Optional(Type.String({ minLength: 1, description: 'Environment variable holding the API key' })),
    baseURL: Type.Optional(Type.String({ pattern: '^https?://|^[a-z]+://', description: 'Base URL of this deployment' })),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    weight: Type.Optional(Type.Number({ minimum: 0 })),
    priority: Type.Optional(Type.Number()),
    limits: Type.Optional(Type.Object({ rpm: Type.Optional(positive('Requests per minute')), tpm: Type.Optional(positive('Tokens per minute')) }, strict)),
    price: Type.Optional(Type.Object({ input: Type.Number({ minimum: 0 }), output: Type.Number({ minimum: 0 }) }, { ...strict, description: 'Per million tokens' })),
    contextWindow: Type.Optional(positive('Context window in tokens')),
  },
  strict,
)

export const RetryPolicySchema = Type.Object(
  {
    retries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    baseDelayMs: Type.Optional(milliseconds('First backoff')),
    maxDelayMs: Type.Optional(milliseconds('Longest backoff')),
    maxRetryAfterMs: Type.Optional(milliseconds('Longest Retry-After waited for')),
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    timeoutMs: Type.Optional(positive('Per-attempt timeout')),
    deadlineMs: Type.Optional(positive('Deadline of the whole request')),
  },
  strict,
)

export const BreakerPolicySchema = Type.Object(
  {
    failureThreshold: Type.Optional(positive('Consecutive failures that open the breaker')),
    failureRate: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
    minimumCalls: Type.Optional(positive('Calls before the failure rate applies')),
    windowMs: Type.Optional(positive('Failure-rate window')),
    coolDownMs: Type.Optional(positive('Cool-down before a probe')),
    probeTimeoutMs: Type.Optional(positive('Lease of a half-open probe')),
  },
  strict,
)

export const RouteConfigSchema = Type.Object(
  {
    strategy: Type.Optional(Type.Union(STRATEGIES.map((strategy) => Type.Literal(strategy)))),
    deployments: Type.Array(DeploymentConfigSchema, { minItems: 1 }),
    contextFallback: Type.Optional(Type.String({ minLength: 1 })),
    retry: Type.Optional(RetryPolicySchema),
  },
  strict,
)

export const RoutesConfigSchema = Type.Record(Type.String({ minLength: 1 }), RouteConfigSchema)

/** Check a value against a schema; the error names every wrong field by its path. */
function check<T>(schema: TSchema, value: unknown, source: string): T {
  if (Value.Check(schema, value)) return value as T
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map((error) => `${error.path || '/'}: ${error.message}`)
  throw new Error(`Invalid routing configuration (${source}): ${problems.join('; ')}`)
}

export const validateRoutes = (value: unknown, source: string) => check<Record<string, RouteConfig>>(RoutesConfigSchema, value, source)
export const validateRetryPolicy = (value: unknown, source: string) => check<Partial<RetryPolicy>>(RetryPolicySchema, value, source)
export const validateBreakerPolicy = (value: unknown, source: string) => check<Partial<BreakerPolicy>>(BreakerPolicySchema, value, source)
