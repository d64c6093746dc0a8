/** drizzle-kit config for the SQLite migrations (`bun run db:generate` at the repository root). */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'sqlite', schema: './src/storage/schema/sqlite-schema.ts', out: './drizzle/sqlite' })
