import { and, eq, sql } from 'drizzle-orm'
import { createId } from '../create-id'
import type { Database, Tables } from '../database'
import { readPage, type Page, type PageRequest } from '../pagination'
import type { LedgerEntryRecord, LedgerEntryType, NewLedgerEntry } from '../billing-records'

/** The append-only ledger: entries are added, never changed or removed. */
export interface LedgerRepository {
  /** Append an entry; undefined when the account already has an entry of this type for this request id. */
  append(entry: NewLedgerEntry): Promise<LedgerEntryRecord | undefined>
  /** The entry of `type` for a request (or a top-up's idempotency key). */
  find(accountId: string, type: LedgerEntryType, requestId: string): Promise<LedgerEntryRecord | undefined>
  list(accountId: string, page: PageRequest): Promise<Page<LedgerEntryRecord>>
  /** Sums over every entry of the account: they equal its balance and held money at all times. */
  totals(accountId: string): Promise<{ amountMicros: number; reservedMicros: number; entries: number }>
}

export function createLedgerRepository(db: Database, { ledgerEntries }: Tables): LedgerRepository {
  return {
    async append(entry) {
      const [row] = await db
        .insert(ledgerEntries)
        .values({ ...entry, id: createId('led'), createdAt: new Date() })
        .onConflictDoNothing()
        .returning()
      return row
    },
    async find(accountId, type, requestId) {
      const [row] = await db
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.accountId, accountId), eq(ledgerEntries.type, type), eq(ledgerEntries.requestId, requestId)))
        .limit(1)
      return row
    },
    list(accountId, page) {
      return readPage(page, ledgerEntries.id, eq(ledgerEntries.accountId, accountId), (where, orderBy, limit) => db.select().from(ledgerEntries).where(where).orderBy(orderBy).limit(limit))
    },
    async totals(accountId) {
      const [row] = await db
        .select({
          amountMicros: sql<string | number>`coalesce(sum(${ledgerEntries.amountMicros}), 0)`,
          reservedMicros: sql<string | number>`coalesce(sum(${ledgerEntries.reservedMicros}), 0)`,
          entries: sql<string | number>`count(*)`,
        })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.accountId, accountId))
      // PostgreSQL returns sums of bigint as numeric strings.
      return { amountMicros: Number(row.amountMicros), reservedMicros: Number(row.reservedMicros), entries: Number(row.entries) }
    },
  }
}
