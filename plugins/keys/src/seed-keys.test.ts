import { expect, test } from 'bun:test'
import { openStore } from '@tollgate/core'
import { hashApiKey } from './api-key-format'
import { seedKeys } from './seed-keys'

test('seedKeys bulk-inserts N working keys into a new account and returns their secrets', async () => {
  const store = await openStore({ sqlitePath: ':memory:' })
  const seeded = await seedKeys(store, { count: 2_500 })
  expect(seeded.keys).toHaveLength(2_500)
  expect(new Set(seeded.keys).size).toBe(2_500)
  const found = await store.apiKeys.findByHash(hashApiKey(seeded.keys[1_234]))
  expect(found).toMatchObject({ accountId: seeded.accountId, name: 'seed 1234', type: 'private', scopes: ['inference', 'models:read', 'usage:read', 'billing:read'] })
  const more = await seedKeys(store, { count: 3, accountId: seeded.accountId, scopes: ['inference'] })
  expect(more.accountId).toBe(seeded.accountId)
  expect((await store.apiKeys.findByHash(hashApiKey(more.keys[2])))?.scopes).toEqual(['inference'])
  await store.close()
})
