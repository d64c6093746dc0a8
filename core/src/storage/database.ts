import type { PgDatabase } from 'drizzle-orm/pg-core'
import type * as postgresSchema from './schema/postgres-schema'

/**
 * The drizzle database the repositories are written against, once for both dialects. The
 * SQLite and PostgreSQL query builders share the surface the repositories use (select, insert
 * and update with `returning`, the `eq`/`and`/... operators), and the two schemas declare the
 * same columns with the same JavaScript types (records.test.ts), so the SQLite database and
 * tables are typed as their PostgreSQL twins. The same store suite runs on both to prove it.
 */
export type Database = PgDatabase<any, any, any>

/** The tables, by their names in the schema modules. */
export type Tables = typeof postgresSchema
