import type { StoreOptions } from '@tollgate/core'

export interface SeededStore {
  accountId: string
  /** Plaintext of every seeded key, in creation order. */
  keys: string[]
}

/**
 * Put `count` working keys (one new account) into a gateway's store before the gateway starts,
 * with `seedKeys` from @tollgate/keys: bulk inserts, so 100k keys take seconds. Loaded lazily,
 * so the orchestrator only pays for the store packages when a gateway needs seeding.
 */
export async function seedStore(options: StoreOptions, count: number): Promise<SeededStore> {
  const [{ openStore }, { seedKeys }] = await Promise.all([import('@tollgate/core'), import('@tollgate/keys')])
  const store = await openStore(options)
  try {
    return await seedKeys(store, { count })
  } finally {
    await store.close()
  }
}
