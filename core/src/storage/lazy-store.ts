import { openStore, type StoreOptions } from './open-store'
import type { Store } from './store'

/** A store opened on first use (so a gateway that never needs one opens no database), closed once. */
export function createLazyStore(options: StoreOptions) {
  let opening: Promise<Store> | undefined
  return {
    open: (): Promise<Store> => (opening ??= openStore(options)),
    async close(): Promise<void> {
      const pending = opening
      opening = undefined
      const store = await pending?.catch(() => undefined)
      await store?.close()
    },
  }
}

/** Where the store lives for a config: `databaseURL`/DATABASE_URL (PostgreSQL), else SQLite under the data folder. */
export function storeOptionsFor(config: { databaseURL?: string; databaseSchema?: string }, env: Record<string, string | undefined>, dataDir: string): StoreOptions {
  return { databaseURL: config.databaseURL ?? env.DATABASE_URL, databaseSchema: config.databaseSchema ?? env.DATABASE_SCHEMA, dataDir }
}
