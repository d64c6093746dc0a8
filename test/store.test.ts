import { afterAll, describe, expect, test } from 'bun:test'
import { openStore, type NewApiKey, type Store } from '@tollgate/core'
import { MIGRATION_COUNT } from './helpers/migration-count'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

const newKey = (accountId: string, overrides: Partial<NewApiKey> = {}): NewApiKey => ({
  accountId,
  projectId: null,
  name: 'key',
  type: 'private',
  hash: crypto.randomUUID(),
  prefix: 'sk-tg-abcd1234',
  scopes: ['inference'],
  models: null,
  allowedOrigins: null,
  rpm: null,
  tpm: null,
  maxConcurrency: null,
  spendLimitMicros: null,
  expiresAt: null,
  createdBy: 'master',
  ...overrides,
})

for (const database of databases) {
  describe(`store on ${database.dialect}`, () => {
    const open = async () => openStore(database.fresh())
    const withStore = (body: (store: Store) => Promise<void>) => async () => {
      const store = await open()
      try {
        await body(store)
      } finally {
        await store.close()
      }
    }

    test('migrations apply on an empty database, then re-apply as a no-op', async () => {
      const options = database.fresh()
      const first = await openStore({ ...options, migrate: false })
      expect(await first.migrate()).toEqual({ applied: MIGRATION_COUNT, total: MIGRATION_COUNT })
      expect(await first.migrate()).toEqual({ applied: 0, total: MIGRATION_COUNT })
      await first.close()
      const again = await openStore(options)
      expect(await again.migrate()).toEqual({ applied: 0, total: MIGRATION_COUNT })
      expect((await again.accounts.create({ name: 'after migrate' })).name).toBe('after migrate')
      await again.close()
    })

    test('concurrent migrators on one database apply each migration exactly once', async () => {
      const options = database.fresh()
      const stores = await Promise.all([1, 2, 3].map(() => openStore({ ...options, migrate: false })))
      const results = await Promise.all(stores.map((store) => store.migrate()))
      expect(results.map((result) => result.applied).sort()).toEqual([0, 0, MIGRATION_COUNT])
      expect(results.every((result) => result.total === MIGRATION_COUNT)).toBe(true)
      await Promise.all(stores.map((store) => store.close()))
    })

    test(
      'accounts: create with defaults, get, update (null clears a limit), unknown id',
      withStore(async (store) => {
        const account = await store.accounts.create({ name: 'Acme', rpm: 60 })
        expect(account).toMatchObject({ name: 'Acme', plan: 'default', status: 'active', rpm: 60, tpm: null, balanceMicros: 0, reservedMicros: 0 })
        expect(account.id).toMatch(/^acct_/)
        expect(account.createdAt).toBeInstanceOf(Date)
        expect(await store.accounts.get(account.id)).toEqual(account)
        const updated = await store.accounts.update(account.id, { plan: 'pro', rpm: null, status: 'suspended' })
        expect(updated).toMatchObject({ id: account.id, name: 'Acme', plan: 'pro', rpm: null, status: 'suspended' })
        expect(await store.accounts.get('acct_missing')).toBeUndefined()
        expect(await store.accounts.update('acct_missing', { plan: 'x' })).toBeUndefined()
      }),
    )

    test(
      'cursor pagination: newest first, after goes older, before comes back, has_more exact',
      withStore(async (store) => {
        const created = []
        for (let i = 0; i < 5; i++) created.push(await store.accounts.create({ name: `account ${i}` }))
        const newestFirst = created.map((account) => account.id).reverse()
        const first = await store.accounts.list({ limit: 2 })
        expect(first.data.map((account) => account.id)).toEqual(newestFirst.slice(0, 2))
        expect(first.hasMore).toBe(true)
        const second = await store.accounts.list({ limit: 2, after: first.data[1].id })
        expect(second.data.map((account) => account.id)).toEqual(newestFirst.slice(2, 4))
        const last = await store.accounts.list({ limit: 2, after: second.data[1].id })
        expect(last.data.map((account) => account.id)).toEqual(newestFirst.slice(4))
        expect(last.hasMore).toBe(false)
        const back = await store.accounts.list({ limit: 2, before: second.data[0].id })
        expect(back.data.map((account) => account.id)).toEqual(newestFirst.slice(0, 2))
        expect(back.hasMore).toBe(false)
        expect((await store.accounts.list({})).data).toHaveLength(5)
      }),
    )

    test(
      'api keys: found by hash, scoped to their account, listed per account',
      withStore(async (store) => {
        const acme = await store.accounts.create({ name: 'Acme' })
        const other = await store.accounts.create({ name: 'Other' })
        const project = await store.projects.create({ accountId: acme.id, name: 'web' })
        const key = await store.apiKeys.create(
          newKey(acme.id, { projectId: project.id, models: ['openai/*'], allowedOrigins: ['https://app.example'], spendLimitMicros: 2_500_000, expiresAt: new Date(Date.now() + 60_000) }),
        )
        await store.apiKeys.create(newKey(other.id))
        expect(await store.apiKeys.findByHash(key.hash)).toEqual(key)
        expect(key).toMatchObject({ projectId: project.id, models: ['openai/*'], allowedOrigins: ['https://app.example'], spendLimitMicros: 2_500_000, revokedAt: null, lastUsedAt: null })
        expect(await store.apiKeys.findByHash('nope')).toBeUndefined()
        expect(await store.apiKeys.get(key.id, acme.id)).toEqual(key)
        expect(await store.apiKeys.get(key.id, other.id)).toBeUndefined()
        expect((await store.apiKeys.list({ accountId: acme.id }, {})).data.map((row) => row.id)).toEqual([key.id])
        expect((await store.apiKeys.list({}, {})).data).toHaveLength(2)
        expect((await store.projects.list(acme.id, {})).data).toEqual([project])
        expect(await store.projects.get(project.id, other.id)).toBeUndefined()
        await expect(store.apiKeys.create(newKey(acme.id, { hash: key.hash }))).rejects.toThrow()
      }),
    )

    test(
      'revocation is idempotent (the first time stays); cross-account revocation finds nothing',
      withStore(async (store) => {
        const acme = await store.accounts.create({ name: 'Acme' })
        const key = await store.apiKeys.create(newKey(acme.id))
        expect(await store.apiKeys.revoke(key.id, 'acct_other')).toBeUndefined()
        const revoked = await store.apiKeys.revoke(key.id, acme.id)
        expect(revoked?.revokedAt).toBeInstanceOf(Date)
        expect((await store.apiKeys.revoke(key.id))?.revokedAt).toEqual(revoked!.revokedAt)
        expect(await store.apiKeys.revoke('key_missing')).toBeUndefined()
      }),
    )

    test(
      'last-used times only move forward; bulk insert writes every row',
      withStore(async (store) => {
        const acme = await store.accounts.create({ name: 'Acme' })
        const key = await store.apiKeys.create(newKey(acme.id))
        const later = new Date(Date.now() + 5_000)
        await store.apiKeys.recordLastUsed([[key.id, later]])
        await store.apiKeys.recordLastUsed([[key.id, new Date(later.getTime() - 1_000)]])
        expect((await store.apiKeys.get(key.id))?.lastUsedAt).toEqual(later)
        const many = Array.from({ length: 2_345 }, () => newKey(acme.id))
        expect(await store.apiKeys.createMany(many)).toBe(2_345)
        const sample = many[1_500]
        expect((await store.apiKeys.findByHash(sample.hash))?.accountId).toBe(acme.id)
      }),
    )

    test(
      'transactions: all writes land, or none when the work throws',
      withStore(async (store) => {
        const account = await store.transaction(async ({ accounts, apiKeys }) => {
          const created = await accounts.create({ name: 'Atomic' })
          await apiKeys.create(newKey(created.id))
          return created
        })
        expect((await store.apiKeys.list({ accountId: account.id }, {})).data).toHaveLength(1)
        const failing = store.transaction(async ({ accounts }) => {
          await accounts.update(account.id, { plan: 'rolled-back' })
          throw new Error('boom')
        })
        await expect(failing).rejects.toThrow('boom')
        expect((await store.accounts.get(account.id))?.plan).toBe('default')
      }),
    )

    test(
      'a query issued while a transaction is open never lands inside it',
      withStore(async (store) => {
        const account = await store.accounts.create({ name: 'Isolated' })
        let outside: Promise<unknown> | undefined
        const failing = store.transaction(async ({ accounts }) => {
          await accounts.update(account.id, { plan: 'inside' })
          outside = store.accounts.update(account.id, { name: 'outside' })
          await new Promise((resolve) => setTimeout(resolve, 20))
          throw new Error('roll back')
        })
        await expect(failing).rejects.toThrow('roll back')
        await outside
        expect(await store.accounts.get(account.id)).toMatchObject({ plan: 'default', name: 'outside' })
      }),
    )
  })
}
