import { and, eq, gte, lt, or } from 'drizzle-orm'
import type { Database, Tables } from '../database'
import { readPage, type Page, type PageRequest } from '../pagination'
import type { UsageRecord } from '../billing-records'

/** Rows per INSERT (26 columns: well under SQLite's and PostgreSQL's bound-parameter limits). */
const INSERT_CHUNK = 500

export interface UsageFilter {
  accountId?: string
  keyId?: string
  /** The model asked for, or the `provider/model` that served. */
  model?: string
  /** Records created at or after this time. */
  from?: Date
  /** Records created before this time. */
  to?: Date
}

/** One record per inference request, written in batches (a record already written is skipped). */
export interface UsageRecordsRepository {
  /** Insert records; returns how many were new. */
  insertMany(records: UsageRecord[]): Promise<number>
  /** With `accountId`, only a record of that account. */
  get(id: string, accountId?: string): Promise<UsageRecord | undefined>
  list(filter: UsageFilter, page: PageRequest): Promise<Page<UsageRecord>>
}

export function createUsageRecordsRepository(db: Database, { usageRecords }: Tables): UsageRecordsRepository {
  return {
    async insertMany(records) {
      let inserted = 0
      for (let start = 0; start < records.length; start += INSERT_CHUNK) {
        const rows = await db
          .insert(usageRecords)
          .values(records.slice(start, start + INSERT_CHUNK))
          .onConflictDoNothing()
          .returning({ id: usageRecords.id })
        inserted += rows.length
      }
      return inserted
    },
    async get(id, accountId) {
      const [row] = await db
        .select()
        .from(usageRecords)
        .where(and(eq(usageRecords.id, id), accountId === undefined ? undefined : eq(usageRecords.accountId, accountId)))
        .limit(1)
      return row
    },
    list(filter, page) {
      const where = and(
        filter.accountId === undefined ? undefined : eq(usageRecords.accountId, filter.accountId),
        filter.keyId === undefined ? undefined : eq(usageRecords.keyId, filter.keyId),
        filter.model === undefined ? undefined : or(eq(usageRecords.model, filter.model), eq(usageRecords.servedModel, filter.model)),
        filter.from === undefined ? undefined : gte(usageRecords.createdAt, filter.from),
        filter.to === undefined ? undefined : lt(usageRecords.createdAt, filter.to),
      )
      return readPage(page, usageRecords.id, where, (condition, orderBy, limit) => db.select().from(usageRecords).where(condition).orderBy(orderBy).limit(limit))
    },
  }
}
