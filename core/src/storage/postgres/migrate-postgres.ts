import type { Sql } from 'postgres'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import { MIGRATIONS_TABLE } from '../migrations-folder'
import type { MigrationResult } from '../store'

/**
 * Apply the pending migrations under a PostgreSQL advisory lock (one per schema), held on a
 * reserved connection: instances starting together wait their turn, and each migration is
 * applied exactly once, in one transaction (drizzle's migrator).
 */
export async function migratePostgres(client: Sql, db: PostgresJsDatabase, schema: string, migrationsFolder: string): Promise<MigrationResult> {
  const lockName = `tollgate:migrate:${schema}`
  const table = client(schema) // quoted identifier
  const reserved = await client.reserve()
  try {
    await reserved`select pg_advisory_lock(hashtext(${lockName}))`
    await reserved`create schema if not exists ${table}`
    await reserved`create table if not exists ${table}.${client(MIGRATIONS_TABLE)} (id serial primary key, hash text not null, created_at bigint)`
    const count = async () => Number((await reserved`select count(*) as total from ${table}.${client(MIGRATIONS_TABLE)}`)[0].total)
    const before = await count()
    await migrate(db, { migrationsFolder, migrationsSchema: schema, migrationsTable: MIGRATIONS_TABLE })
    const total = await count()
    return { applied: total - before, total }
  } finally {
    await reserved`select pg_advisory_unlock(hashtext(${lockName}))`.catch(() => {})
    reserved.release()
  }
}
