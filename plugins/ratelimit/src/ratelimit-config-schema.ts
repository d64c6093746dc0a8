import { Type, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { REDIS_FAILURE_POLICIES, type PlanLimits, type RedisFailurePolicy } from './ratelimit-options'

const strict = { additionalProperties: false }
const positive = (description: string) => Type.Optional(Type.Integer({ minimum: 1, description }))

export const LimitValuesSchema = Type.Object(
  {
    rpm: positive('Requests per minute'),
    tpm: positive('Tokens per minute (input + output)'),
    maxConcurrency: positive('Requests in flight at once'),
  },
  strict,
)

export const PlanLimitsSchema = Type.Object(
  {
    ...LimitValuesSchema.properties,
    perKey: Type.Optional(LimitValuesSchema),
    perModel: Type.Optional(Type.Record(Type.String({ minLength: 1 }), LimitValuesSchema)),
  },
  strict,
)

export const PlansSchema = Type.Record(Type.String({ minLength: 1 }), PlanLimitsSchema)

function check<T>(schema: TSchema, value: unknown, source: string): T {
  if (Value.Check(schema, value)) return value as T
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map((error) => `${error.path || '/'}: ${error.message}`)
  throw new Error(`Invalid rate-limit configuration (${source}): ${problems.join('; ')}`)
}

export const validatePlans = (value: unknown, source: string) => check<Record<string, PlanLimits>>(PlansSchema, value, source)

export function validatePolicy(value: string, source: string): RedisFailurePolicy {
  if ((REDIS_FAILURE_POLICIES as string[]).includes(value)) return value as RedisFailurePolicy
  throw new Error(`Invalid rate-limit configuration (${source}): '${value}' is not one of ${REDIS_FAILURE_POLICIES.join(', ')}`)
}
