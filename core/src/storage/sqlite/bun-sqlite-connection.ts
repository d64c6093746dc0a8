import { Database } from 'bun:sqlite'
import type { SqliteConnection } from './sqlite-connection'

/** `bun:sqlite` (Bun's built-in driver; `query` caches prepared statements). */
export function openBunSqliteConnection(path: string): SqliteConnection {
  const database = new Database(path, { create: true, strict: false })
  return {
    values: (sql, params) => database.query(sql).values(...(params as never[])) as unknown[][],
    run: (sql, params) => void database.query(sql).run(...(params as never[])),
    exec: (sql) => void database.exec(sql),
    close: () => database.close(),
  }
}
