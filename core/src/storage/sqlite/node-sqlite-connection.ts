import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { SqliteConnection } from './sqlite-connection'

/** Prepared statements kept per connection (drizzle emits a bounded set of SQL shapes). */
const STATEMENT_CACHE_SIZE = 500

/** `node:sqlite` (Deno and Node; Bun also has it). */
export function openNodeSqliteConnection(path: string): SqliteConnection {
  const database = new DatabaseSync(path)
  const statements = new Map<string, StatementSync>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear()
      statement = database.prepare(sql)
      statement.setReturnArrays(true)
      statements.set(sql, statement)
    }
    return statement
  }
  return {
    values: (sql, params) => prepare(sql).all(...(params as never[])) as unknown as unknown[][],
    run: (sql, params) => void prepare(sql).run(...(params as never[])),
    exec: (sql) => database.exec(sql),
    close: () => (statements.clear(), database.close()),
  }
}
