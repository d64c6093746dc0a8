import { GatewayError } from '../../errors/gateway-error'
import type { ModelListFamily } from './model-list-family'
import type { ModelPageRequest } from './paginate-models'

export const MODEL_TYPES = ['chat', 'completion', 'embedding'] as const
export type ModelType = (typeof MODEL_TYPES)[number]
export const MAX_MODEL_PAGE = 1000

export interface ModelListQuery {
  provider?: string
  type?: ModelType
  page: ModelPageRequest
}

const invalid = (param: string, message: string) => new GatewayError({ status: 400, param, code: 'invalid_request', message })

function readLimit(value: string | undefined, param: string, fallback: number | undefined): number | undefined {
  if (value === undefined || value === '') return fallback
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MODEL_PAGE) throw invalid(param, `'${param}' must be an integer from 1 to ${MAX_MODEL_PAGE}`)
  return limit
}

/**
 * The list query of each family: OpenAI `limit`/`after`/`before` (no `limit` → the whole list, as
 * OpenAI's SDK does not page models), Anthropic `limit` (default 20)/`after_id`/`before_id`, Google
 * `pageSize` (default 50)/`pageToken`. Filters `provider` and `type` work for all.
 */
export function readModelListQuery(query: Record<string, string | undefined>, family: ModelListFamily, providers: string[]): ModelListQuery {
  const result: ModelListQuery = { page: { params: { after: 'after', before: 'before' } } }
  if (query.provider) {
    if (!providers.includes(query.provider)) throw invalid('provider', `Unknown provider '${query.provider}' (configured: ${providers.join(', ')})`)
    result.provider = query.provider
  }
  if (query.type) {
    if (!(MODEL_TYPES as readonly string[]).includes(query.type)) throw invalid('type', `'type' must be one of ${MODEL_TYPES.join(', ')}`)
    result.type = query.type as ModelType
  }
  if (family === 'gemini') {
    result.page = { limit: readLimit(query.pageSize, 'pageSize', 50), after: query.pageToken || undefined, params: { after: 'pageToken', before: 'pageToken' } }
    return result
  }
  const anthropic = family === 'anthropic'
  const params = anthropic ? { after: 'after_id', before: 'before_id' } : { after: 'after', before: 'before' }
  const after = query[params.after] || undefined
  const before = query[params.before] || undefined
  if (after !== undefined && before !== undefined) throw invalid(params.before, `Give either '${params.after}' or '${params.before}', not both`)
  result.page = { limit: readLimit(query.limit, 'limit', anthropic ? 20 : undefined), after, before, params }
  return result
}
