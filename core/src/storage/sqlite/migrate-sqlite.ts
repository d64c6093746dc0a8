import { readMigrationFiles } from 'drizzle-orm/migrator'
import type { MigrationResult } from '../store'
import { MIGRATIONS_TABLE } from '../migrations-folder'
import type { SqliteConnection } from './sqlite-connection'

/**
 * Apply the pending migrations in one IMMEDIATE transaction: it takes SQLite's write lock
 * before reading what was applied, so processes starting together on the same file apply
 * each migration exactly once (the others wait on the busy timeout, then find nothing to do).
 */
export function migrateSqlite(connection: SqliteConnection, migrationsFolder: string): MigrationResult {
  const migrations = readMigrationFiles({ migrationsFolder })
  connection.exec('BEGIN IMMEDIATE')
  try {
    connection.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)`)
    const [last] = connection.values(`SELECT created_at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`, [])
    const lastApplied = last === undefined ? -1 : Number(last[0])
    let applied = 0
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue
      for (const statement of migration.sql) if (statement.trim()) connection.exec(statement)
      connection.run(`INSERT INTO "${MIGRATIONS_TABLE}" (hash, created_at) VALUES (?, ?)`, [migration.hash, migration.folderMillis])
      applied++
    }
    const [[total]] = connection.values(`SELECT count(*) FROM "${MIGRATIONS_TABLE}"`, [])
    connection.exec('COMMIT')
    return { applied, total: Number(total) }
  } catch (error) {
    connection.exec('ROLLBACK')
    throw error
  }
}
