import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from './store'

export interface StoreOptions {
  /** PostgreSQL connection URL (`postgres://...`); absent → the embedded SQLite file. */
  databaseURL?: string
  /** PostgreSQL schema for the tables and the migrations record. @default 'public' */
  databaseSchema?: string
  /** Folder of the SQLite file `tollgate.sqlite`. @default './data' */
  dataDir?: string
  /** SQLite file path (or `:memory:`), instead of the one under `dataDir`. */
  sqlitePath?: string
  /** Apply pending migrations before returning. @default true */
  migrate?: boolean
}

/** The SQLite file name under the data folder. */
export const SQLITE_FILE = 'tollgate.sqlite'

/**
 * Open the store: PostgreSQL when a URL is given, else SQLite under the data folder. The
 * driver is loaded only for the dialect in use. Migrations are applied unless `migrate: false`.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  let store: Store
  if (options.databaseURL) {
    store = await (await import('./postgres/open-postgres-store')).openPostgresStore(options.databaseURL, options.databaseSchema)
  } else {
    const dataDir = options.dataDir ?? './data'
    if (!options.sqlitePath) mkdirSync(dataDir, { recursive: true })
    store = await (await import('./sqlite/open-sqlite-store')).openSqliteStore(options.sqlitePath ?? join(dataDir, SQLITE_FILE))
  }
  if (options.migrate !== false) {
    try {
      await store.migrate()
    } catch (error) {
      await store.close().catch(() => {})
      throw error
    }
  }
  return store
}
