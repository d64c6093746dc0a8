import type { Repositories } from './repositories/create-repositories'

export type StoreDialect = 'sqlite' | 'postgres'

export interface MigrationResult {
  /** Migrations applied by this call (0 when the database was up to date). */
  applied: number
  /** Migrations the database has now. */
  total: number
}

/**
 * The gateway's storage: one interface over SQLite (embedded default) and PostgreSQL
 * (`DATABASE_URL`), as small repositories. Plugins get it from `services.store()`.
 */
export interface Store extends Repositories {
  readonly dialect: StoreDialect
  /** Where the data lives, for humans (a file path, or host/database/schema; never a password). */
  readonly location: string
  /**
   * Run `work` in one transaction: all its writes land or none. Use only the repositories it
   * is given, and do not nest transactions. On SQLite, other queries wait until it ends.
   */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>
  /** Apply pending migrations, safely against concurrent migrators (done by `openStore` already). */
  migrate(): Promise<MigrationResult>
  close(): Promise<void>
}
