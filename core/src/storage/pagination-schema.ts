import { Type, type TSchema } from '@sinclair/typebox'
import { GatewayError } from '../errors/gateway-error'
import { MAX_PAGE_LIMIT, type PageRequest } from './pagination'

/** Query string of every list route (strings on the wire; `readPageQuery` checks and converts). */
export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.String({ pattern: '^[0-9]+$', description: `How many items, 1–${MAX_PAGE_LIMIT} (default 20)` })),
  after: Type.Optional(Type.String({ description: 'Cursor: the `last_id` of the previous page; returns older items' })),
  before: Type.Optional(Type.String({ description: 'Cursor: the `first_id` of the previous page; returns newer items' })),
})

/** The list envelope for items of `item`'s schema. */
export const ListSchema = (item: TSchema, description: string) =>
  Type.Object(
    {
      object: Type.Literal('list'),
      data: Type.Array(item),
      has_more: Type.Boolean(),
      first_id: Type.Union([Type.String(), Type.Null()]),
      last_id: Type.Union([Type.String(), Type.Null()]),
    },
    { description },
  )

/** Validate list query parameters into a page request; bad input is a 400 naming the param. */
export function readPageQuery(query: Record<string, string | undefined>): PageRequest {
  const limit = query.limit === undefined ? undefined : Number(query.limit)
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT)) {
    throw new GatewayError({ status: 400, param: 'limit', code: 'invalid_request', message: `'limit' must be an integer from 1 to ${MAX_PAGE_LIMIT}` })
  }
  if (query.after !== undefined && query.before !== undefined) {
    throw new GatewayError({ status: 400, param: 'before', code: 'invalid_request', message: "Give either 'after' or 'before', not both" })
  }
  return { limit, after: query.after || undefined, before: query.before || undefined }
}
