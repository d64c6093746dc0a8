import { Type, type TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { BalanceRule, PriceConfig } from './billing-options'

const strict = { additionalProperties: false }
const usd = (description: string) => Type.Number({ minimum: 0, description })

const rates = {
  input: usd('USD per million input tokens'),
  cachedInput: Type.Optional(usd('USD per million cached input tokens (cache reads)')),
  cacheWrite: Type.Optional(usd('USD per million tokens written to the prompt cache')),
  output: usd('USD per million output tokens'),
  reasoning: Type.Optional(usd('USD per million reasoning tokens, when priced apart from output')),
  request: Type.Optional(usd('USD per request')),
}

export const PriceConfigSchema = Type.Object(
  {
    ...rates,
    effectiveFrom: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'First day (UTC) the price applies, YYYY-MM-DD' })),
    longContext: Type.Optional(
      Type.Object({ above: Type.Integer({ minimum: 0, description: 'Input tokens above which these rates apply' }), ...Type.Partial(Type.Object(rates)).properties }, strict),
    ),
  },
  strict,
)

export const BalanceRuleSchema = Type.Object(
  {
    models: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    minimumBalance: Type.Optional(usd('USD kept available on top of the reservation')),
    requirePositiveBalance: Type.Optional(Type.Boolean()),
  },
  strict,
)

export const PlansConfigSchema = Type.Record(Type.String({ minLength: 1 }), Type.Array(BalanceRuleSchema))

/** Check a value against a schema; the error names every wrong field by its path. */
function check<T>(schema: TSchema, value: unknown, source: string): T {
  if (Value.Check(schema, value)) return value as T
  const problems = [...Value.Errors(schema, value)].slice(0, 5).map((error) => `${error.path || '/'}: ${error.message}`)
  throw new Error(`Invalid billing configuration (${source}): ${problems.join('; ')}`)
}

/** Prices by model: each entry one version or a list of versions (errors name `/<model>/<field>` or `/<model>/<n>/<field>`). */
export function validatePrices(value: unknown, source: string): Record<string, PriceConfig | PriceConfig[]> {
  const table = check<Record<string, unknown>>(Type.Record(Type.String({ minLength: 1 }), Type.Unknown()), value, source)
  for (const [model, entry] of Object.entries(table)) {
    const path = `/${model.replaceAll('~', '~0').replaceAll('/', '~1')}`
    const schema = Array.isArray(entry) ? Type.Array(PriceConfigSchema, { minItems: 1 }) : PriceConfigSchema
    if (Value.Check(schema, entry)) continue
    const problems = [...Value.Errors(schema, entry)].slice(0, 5).map((error) => `${path}${error.path}: ${error.message}`)
    throw new Error(`Invalid billing configuration (${source}): ${problems.join('; ')}`)
  }
  return table as Record<string, PriceConfig | PriceConfig[]>
}
export const validatePlans = (value: unknown, source: string) => check<Record<string, BalanceRule[]>>(PlansConfigSchema, value, source)
