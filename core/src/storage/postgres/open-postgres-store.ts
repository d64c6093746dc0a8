import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database, Tables } from '../database'
import { migrationsFolder } from '../migrations-folder'
import { createRepositories } from '../repositories/create-repositories'
import * as postgresSchema from '../schema/postgres-schema'
import type { Store } from '../store'
import { migratePostgres } from './migrate-postgres'

/** A plain lowercase identifier: the schema name is used unquoted in `search_path`. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** The shared store: a postgres.js pool whose connections see `schema` first (`search_path`). */
export async function openPostgresStore(url: string, schema = 'public'): Promise<Store> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name '${schema}' (lowercase letters, digits and _)`)
  const client = postgres(url, { max: 10, idle_timeout: 60, onnotice: () => {}, connection: { search_path: schema } })
  const db = drizzle(client)
  const tables: Tables = postgresSchema
  const { hostname, port, pathname } = new URL(url)
  return {
    ...createRepositories(db as Database, tables),
    dialect: 'postgres',
    location: `postgres://${hostname}:${port || 5432}${pathname} (schema ${schema})`,
    transaction: (work) => db.transaction((transaction) => work(createRepositories(transaction as unknown as Database, tables))),
    migrate: () => migratePostgres(client, db, schema, migrationsFolder('postgres')),
    close: () => client.end({ timeout: 5 }),
  }
}
