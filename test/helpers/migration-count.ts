import { readFileSync } from 'node:fs'

/** How many migrations core ships (both dialects have the same list), so tests do not change with each new one. */
export const MIGRATION_COUNT: number = JSON.parse(readFileSync(new URL('../../core/drizzle/sqlite/meta/_journal.json', import.meta.url), 'utf8')).entries.length
