/**
 * A synchronous SQLite connection, the little the store needs from a driver: Bun's
 * `bun:sqlite` on Bun, `node:sqlite` elsewhere (Deno, Node). Rows come back as arrays of
 * column values, which is what drizzle's sqlite-proxy driver maps.
 */
export interface SqliteConnection {
  /** Run one statement and return its rows as arrays. */
  values(sql: string, params: unknown[]): unknown[][]
  /** Run one statement, ignoring rows. */
  run(sql: string, params: unknown[]): void
  /** Run SQL text without parameters (may hold several statements). */
  exec(sql: string): void
  close(): void
}

/** Open (creating if needed) a database file, or `:memory:`, ready for concurrent processes. */
export async function openSqliteConnection(path: string): Promise<SqliteConnection> {
  const connection =
    'Bun' in globalThis ? (await import('./bun-sqlite-connection')).openBunSqliteConnection(path) : (await import('./node-sqlite-connection')).openNodeSqliteConnection(path)
  // Wait (rather than fail) while another process writes; set first, as the WAL switch itself may wait.
  connection.exec('PRAGMA busy_timeout = 10000')
  connection.exec('PRAGMA journal_mode = WAL')
  connection.exec('PRAGMA synchronous = NORMAL')
  connection.exec('PRAGMA foreign_keys = ON')
  return connection
}
