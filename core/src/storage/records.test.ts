import { getTableColumns } from 'drizzle-orm'
import { expect, test } from 'bun:test'
import type { AccountRecord, ApiKeyRecord, ProjectRecord } from './records'
import * as postgres from './schema/postgres-schema'
import * as sqlite from './schema/sqlite-schema'

/** `true` only when A and B are the same type (both directions). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

// The type checker fails here when a schema's inferred row drifts from the record.
const sameShapes: [
  Same<typeof sqlite.accounts.$inferSelect, AccountRecord>,
  Same<typeof postgres.accounts.$inferSelect, AccountRecord>,
  Same<typeof sqlite.projects.$inferSelect, ProjectRecord>,
  Same<typeof postgres.projects.$inferSelect, ProjectRecord>,
  Same<typeof sqlite.apiKeys.$inferSelect, ApiKeyRecord>,
  Same<typeof postgres.apiKeys.$inferSelect, ApiKeyRecord>,
] = [true, true, true, true, true, true]

const describeColumns = (table: Parameters<typeof getTableColumns>[0]) =>
  Object.entries(getTableColumns(table)).map(([property, column]) => ({ property, name: column.name, notNull: column.notNull, hasDefault: column.hasDefault, primary: column.primary }))

test('both dialect schemas infer the same records', () => {
  expect(sameShapes.every(Boolean)).toBe(true)
})

test('both dialects declare the same tables, columns, nullability and defaults', () => {
  expect(Object.keys(sqlite).sort()).toEqual(Object.keys(postgres).sort())
  for (const name of ['accounts', 'projects', 'apiKeys'] as const) {
    expect({ name, columns: describeColumns(sqlite[name]) }).toEqual({ name, columns: describeColumns(postgres[name]) })
  }
})
