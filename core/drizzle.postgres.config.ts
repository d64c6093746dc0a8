/** drizzle-kit config for the PostgreSQL migrations (`bun run db:generate` at the repository root). */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({ dialect: 'postgresql', schema: './src/storage/schema/postgres-schema.ts', out: './drizzle/postgres' })
