import { and, asc, desc, gt, lt, type Column, type SQL } from 'drizzle-orm'

export const DEFAULT_PAGE_LIMIT = 20
export const MAX_PAGE_LIMIT = 100

/** A cursor page request. Lists are newest first: `after` continues to older items, `before` back to newer ones. */
export interface PageRequest {
  /** 1–100. @default 20 */
  limit?: number
  /** Id of the last item of the previous page: returns the items after it (older). */
  after?: string
  /** Id of the first item of the previous page: returns the items before it (newer). */
  before?: string
}

export interface Page<T> {
  data: T[]
  /** More items exist beyond this page in the direction asked. */
  hasMore: boolean
}

/** What a repository runs for one page: a filter, an order and a row limit. */
export type PageQuery<T> = (where: SQL | undefined, orderBy: SQL, limit: number) => Promise<T[]>

/**
 * Read one page ordered by `id` (ids sort by creation time, see create-id.ts): fetches
 * `limit + 1` rows to learn whether more exist, without counting.
 */
export async function readPage<T>(request: PageRequest, idColumn: Column, filter: SQL | undefined, query: PageQuery<T>): Promise<Page<T>> {
  const limit = request.limit ?? DEFAULT_PAGE_LIMIT
  const backwards = request.before !== undefined
  const cursor = backwards ? gt(idColumn, request.before!) : request.after !== undefined ? lt(idColumn, request.after) : undefined
  const rows = await query(and(filter, cursor), backwards ? asc(idColumn) : desc(idColumn), limit + 1)
  const data = rows.slice(0, limit)
  if (backwards) data.reverse()
  return { data, hasMore: rows.length > limit }
}

/** The wire shape of every list: `{object: "list", data, has_more, first_id, last_id}`. */
export function toListResponse<T, R extends { id: string }>(page: Page<T>, render: (item: T) => R) {
  const data = page.data.map(render)
  return { object: 'list' as const, data, has_more: page.hasMore, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null }
}
