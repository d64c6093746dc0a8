import { GatewayError } from '../../errors/gateway-error'
import type { Page } from '../../storage/pagination'

/** A page request over the in-memory model list, with the wire names of its cursors (for errors). */
export interface ModelPageRequest {
  /** Absent → everything from the cursor on. */
  limit?: number
  after?: string
  before?: string
  params: { after: string; before: string }
}

/**
 * One page of a list ordered as the gateway lists it. `after` continues past an id, `before`
 * goes back before one (the page ends right before it). An unknown cursor is a 400 naming it.
 */
export function paginateModels<T extends { id: string }>(items: T[], request: ModelPageRequest): Page<T> {
  const position = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id)
    if (index === -1) throw new GatewayError({ status: 400, param, code: 'invalid_cursor', message: `'${param}' names no model of this list: '${id}'` })
    return index
  }
  const start = request.after === undefined ? 0 : position(request.after, request.params.after) + 1
  const end = request.before === undefined ? items.length : position(request.before, request.params.before)
  if (request.limit === undefined) return { data: items.slice(start, Math.max(start, end)), hasMore: false }
  if (request.before !== undefined) {
    const from = Math.max(start, end - request.limit)
    return { data: items.slice(from, Math.max(from, end)), hasMore: from > start }
  }
  return { data: items.slice(start, Math.min(end, start + request.limit)), hasMore: start + request.limit < end }
}
