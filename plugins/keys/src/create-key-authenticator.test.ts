import { describe, expect, test } from 'bun:test'
import { GatewayError, openStore, type RequestContext, type Store } from '@tollgate/core'
import { createKeyAuthenticator } from './create-key-authenticator'
import { createKeyCache } from './key-cache'
import { createLastUsedRecorder } from './last-used-recorder'
import { seedKeys } from './seed-keys'

const context = (headers: Record<string, string> = {}) => ({ headers: new Headers(headers) }) as RequestContext

async function setup() {
  const store = await openStore({ sqlitePath: ':memory:' })
  let lookups = 0
  const counting: Store = { ...store, apiKeys: { ...store.apiKeys, findByHash: (hash) => (lookups++, store.apiKeys.findByHash(hash)) } }
  const lastUsed = createLastUsedRecorder({ write: async () => {}, intervalMs: 60_000, logger: { warn() {} } })
  const authenticate = createKeyAuthenticator({ store: async () => counting, cache: createKeyCache(), lastUsed })
  return { store, authenticate, lastUsed, lookups: () => lookups }
}

describe('key authenticator', () => {
  test('one store lookup per key, however many requests arrive at once or after', async () => {
    const { store, authenticate, lookups } = await setup()
    const { keys, accountId } = await seedKeys(store, { count: 3 })
    const principals = await Promise.all(Array.from({ length: 50 }, () => authenticate(context(), keys[0])))
    expect(new Set(principals).size).toBe(1)
    expect(principals[0]).toMatchObject({ accountId, scopes: ['inference', 'models:read', 'usage:read', 'billing:read'] })
    expect(Object.isFrozen(principals[0])).toBe(true)
    await authenticate(context(), keys[0])
    expect(lookups()).toBe(1)
    await authenticate(context(), keys[1])
    expect(lookups()).toBe(2)
  })

  test('unknown keys are looked up once, then answered from the negative cache', async () => {
    const { authenticate, lookups } = await setup()
    const unknown = `sk-tg-${'x'.repeat(43)}`
    expect(await authenticate(context(), unknown)).toBeUndefined()
    expect(await authenticate(context(), unknown)).toBeUndefined()
    expect(lookups()).toBe(1)
  })

  test('credentials that are not Tollgate keys are left to other plugins, without a lookup', async () => {
    const { authenticate, lookups } = await setup()
    expect(await authenticate(context(), 'sk-openai-something')).toBeUndefined()
    expect(await authenticate(context(), undefined)).toBeUndefined()
    expect(lookups()).toBe(0)
  })

  test('a use is recorded for the batch, not written', async () => {
    const { store, authenticate, lastUsed } = await setup()
    const { keys } = await seedKeys(store, { count: 1 })
    const principal = await authenticate(context(), keys[0])
    expect(lastUsed.pendingFor(principal!.keyId)).toBeInstanceOf(Date)
    expect((await store.apiKeys.get(principal!.keyId))?.lastUsedAt).toBeNull()
  })

  test('a public key without a browser Origin is refused', async () => {
    const { store, authenticate } = await setup()
    const account = await store.accounts.create({ name: 'web' })
    const { generateApiKey } = await import('./api-key-format')
    const generated = generateApiKey('public')
    await store.apiKeys.create({
      accountId: account.id,
      projectId: null,
      name: 'browser',
      type: 'public',
      hash: generated.hash,
      prefix: generated.prefix,
      scopes: ['inference'],
      models: ['mock/echo'],
      allowedOrigins: ['https://app.example'],
      rpm: null,
      tpm: null,
      maxConcurrency: null,
      spendLimitMicros: null,
      expiresAt: null,
      createdBy: 'master',
    })
    const refused = await authenticate(context(), generated.key).catch((error) => error)
    expect(refused).toBeInstanceOf(GatewayError)
    expect(refused).toMatchObject({ status: 403, code: 'origin_required' })
    expect((await authenticate(context({ origin: 'https://app.example' }), generated.key))?.allowedOrigins).toEqual(['https://app.example'])
  })
})
