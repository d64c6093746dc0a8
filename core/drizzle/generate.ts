/**
 * Regenerate the versioned migrations after a schema change: `bun run db:generate [--name <tag>]`.
 * Runs drizzle-kit for both dialects (configs beside core/package.json), then makes the
 * PostgreSQL SQL schema-neutral (drizzle-kit qualifies foreign keys with "public"), so the
 * same migrations apply in any schema the store is pointed at (`databaseSchema`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const core = join(import.meta.dir, '..')
const extra = process.argv.slice(2)
for (const config of ['drizzle.sqlite.config.ts', 'drizzle.postgres.config.ts']) {
  const run = Bun.spawnSync(['bunx', 'drizzle-kit', 'generate', '--config', config, ...extra], { cwd: core, stdout: 'inherit', stderr: 'inherit' })
  if (run.exitCode !== 0) process.exit(run.exitCode ?? 1)
}
const postgres = join(core, 'drizzle/postgres')
for (const file of readdirSync(postgres).filter((name) => name.endsWith('.sql'))) {
  const path = join(postgres, file)
  const sql = readFileSync(path, 'utf8')
  const neutral = sql.replaceAll('REFERENCES "public".', 'REFERENCES ')
  if (neutral !== sql) writeFileSync(path, neutral)
}
