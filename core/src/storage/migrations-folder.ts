import { fileURLToPath } from 'node:url'
import type { StoreDialect } from './store'

/** The generated migrations shipped with core (`core/drizzle/<dialect>`, see `bun run db:generate`). */
export function migrationsFolder(dialect: StoreDialect): string {
  return fileURLToPath(new URL(`../../drizzle/${dialect}`, import.meta.url))
}

/** The table recording applied migrations (drizzle's name and columns). */
export const MIGRATIONS_TABLE = '__drizzle_migrations'
