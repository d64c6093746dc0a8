import { getTableColumns } from 'drizzle-orm'
import { expect, test } from 'bun:test'
import type { KeySpendRecord, LedgerEntryRecord, ReservationRecord, UsageRecord } from './billing-records'
import * as postgres from './schema/postgres-schema'
import * as sqlite from './schema/sqlite-schema'

/** `true` only when A and B are the same type (both directions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// The type checker fails here when a billing table's inferred row drifts from its record.
const sameShapes: [
  Same<typeof sqlite.ledgerEntries.$inferSelect, LedgerEntryRecord>,
  Same<typeof postgres.ledgerEntries.$inferSelect, LedgerEntryRecord>,
  Same<typeof sqlite.reservations.$inferSelect, ReservationRecord>,
  Same<typeof postgres.reservations.$inferSelect, ReservationRecord>,
  Same<typeof sqlite.keySpend.$inferSelect, KeySpendRecord>,
  Same<typeof postgres.keySpend.$inferSelect, KeySpendRecord>,
  Same<typeof sqlite.usageRecords.$inferSelect, UsageRecord>,
  Same<typeof postgres.usageRecords.$inferSelect, UsageRecord>,
] = [true, true, true, true, true, true, true, true]

const describeColumns = (table: Parameters<typeof getTableColumns>[0]) =>
  Object.entries(getTableColumns(table)).map(([property, column]) => ({ property, name: column.name, notNull: column.notNull, hasDefault: column.hasDefault, primary: column.primary }))

test('both dialect schemas infer the same billing records', () => {
  expect(sameShapes.every(Boolean)).toBe(true)
})

test('both dialects declare the same billing tables, columns, nullability and defaults', () => {
  for (const name of ['ledgerEntries', 'reservations', 'keySpend', 'usageRecords'] as const) {
    expect({ name, columns: describeColumns(sqlite[name]) }).toEqual({ name, columns: describeColumns(postgres[name]) })
  }
})
