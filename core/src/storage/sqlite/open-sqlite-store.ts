import { drizzle } from 'drizzle-orm/sqlite-proxy'
import type { Database, Tables } from '../database'
import { migrationsFolder } from '../migrations-folder'
import { createRepositories } from '../repositories/create-repositories'
import * as sqliteSchema from '../schema/sqlite-schema'
import type { Store } from '../store'
import { migrateSqlite } from './migrate-sqlite'
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection'

/**
 * The embedded store: one synchronous SQLite connection behind drizzle's sqlite-proxy driver.
 * Each statement runs whole before the next; a transaction holds a gate that every query
 * outside it waits on, so no other request's statement can land inside it.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  const connection = await openSqliteConnection(path)
  let gate: Promise<void> | undefined

  const execute = (connection: SqliteConnection, sql: string, params: unknown[], method: 'run' | 'all' | 'values' | 'get') => {
    if (method === 'run') {
      connection.run(sql, params)
      return { rows: [] }
    }
    const rows = connection.values(sql, params)
    return { rows: method === 'get' ? (rows[0] as unknown as unknown[][]) : rows }
  }
  const outside = drizzle(async (sql, params, method) => {
    while (gate) await gate
    return execute(connection, sql, params, method)
  })
  const inside = drizzle(async (sql, params, method) => execute(connection, sql, params, method))
  // See database.ts: the SQLite tables and database share their PostgreSQL twins' types.
  const tables = sqliteSchema as unknown as Tables
  const repositories = createRepositories(outside as unknown as Database, tables)
  const transactionRepositories = createRepositories(inside as unknown as Database, tables)

  return {
    ...repositories,
    dialect: 'sqlite',
    location: path,
    async transaction(work) {
      while (gate) await gate
      let release!: () => void
      gate = new Promise((resolve) => (release = resolve))
      try {
        connection.exec('BEGIN IMMEDIATE')
        try {
          const result = await work(transactionRepositories)
          connection.exec('COMMIT')
          return result
        } catch (error) {
          connection.exec('ROLLBACK')
          throw error
        }
      } finally {
        gate = undefined
        release()
      }
    },
    async migrate() {
      while (gate) await gate
      return migrateSqlite(connection, migrationsFolder('sqlite'))
    },
    async close() {
      while (gate) await gate
      connection.close()
    },
  }
}
