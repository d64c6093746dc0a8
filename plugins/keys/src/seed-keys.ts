import type { NewApiKey, Store } from '@tollgate/core'
import { generateApiKey } from './api-key-format'
import { DEFAULT_PRIVATE_SCOPES } from './scopes'

export interface SeedKeysOptions {
  /** How many private keys to create. */
  count: number
  /** Account to put them in; a new account `seed` is created when absent. */
  accountId?: string
  scopes?: string[]
}

export interface SeededKeys {
  accountId: string
  /** Every key's secret, in creation order (the benchmark authenticates with some of them). */
  keys: string[]
}

/**
 * Create `count` keys fast with bulk inserts (1,000 rows per statement, in one transaction),
 * for benchmarks and load tests: auth cost must not grow with the number of keys.
 */
export async function seedKeys(store: Store, options: SeedKeysOptions): Promise<SeededKeys> {
  const accountId = options.accountId ?? (await store.accounts.create({ name: 'seed' })).id
  const keys: string[] = []
  const rows: NewApiKey[] = []
  for (let index = 0; index < options.count; index++) {
    const generated = generateApiKey('private')
    keys.push(generated.key)
    rows.push({
      accountId,
      projectId: null,
      name: `seed ${index}`,
      type: 'private',
      hash: generated.hash,
      prefix: generated.prefix,
      scopes: options.scopes ?? DEFAULT_PRIVATE_SCOPES,
      models: null,
      allowedOrigins: null,
      rpm: null,
      tpm: null,
      maxConcurrency: null,
      spendLimitMicros: null,
      expiresAt: null,
      createdBy: 'seed',
    })
  }
  await store.transaction((repositories) => repositories.apiKeys.createMany(rows))
  return { accountId, keys }
}
