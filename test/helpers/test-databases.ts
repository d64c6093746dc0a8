import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StoreOptions } from '@tollgate/core'
import postgres from 'postgres'
import { externalService } from './external-services'

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres'
  /** Options for a fresh, empty database (a new SQLite folder, or a new PostgreSQL schema). */
  fresh(): StoreOptions
}

const createdSchemas: string[] = []
let postgresURL: string | undefined

/**
 * The databases a storage suite runs on: SQLite always, PostgreSQL when DATABASE_URL is
 * reachable (CI). Each `fresh()` is isolated, so runs never collide; drop what was made with
 * `dropTestDatabases()` in afterAll.
 */
export async function testDatabases(): Promise<TestDatabase[]> {
  const databases: TestDatabase[] = [{ dialect: 'sqlite', fresh: () => ({ dataDir: mkdtempSync(join(tmpdir(), 'tollgate-store-')) }) }]
  postgresURL = await externalService('DATABASE_URL')
  if (postgresURL) {
    const url = postgresURL
    databases.push({
      dialect: 'postgres',
      fresh: () => {
        const schema = `tollgate_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`
        createdSchemas.push(schema)
        return { databaseURL: url, databaseSchema: schema }
      },
    })
  }
  return databases
}

export async function dropTestDatabases() {
  if (!postgresURL || createdSchemas.length === 0) return
  const client = postgres(postgresURL, { max: 1, onnotice: () => {} })
  for (const schema of createdSchemas.splice(0)) await client.unsafe(`drop schema if exists "${schema}" cascade`)
  await client.end()
}
