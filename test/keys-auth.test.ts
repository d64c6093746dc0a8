import { afterAll, describe, expect, test } from 'bun:test'
import { generateApiKey } from '@tollgate/keys'
import { BASE_URL, createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

const chatBody = JSON.stringify({ model: 'mock/echo', messages: [{ role: 'user', content: 'hello' }] })
const messagesBody = JSON.stringify({ model: 'mock/echo', max_tokens: 64, messages: [{ role: 'user', content: 'hello' }] })

for (const database of databases) {
  describe(`key authentication on ${database.dialect}`, () => {
    test('every auth scheme, as real clients send it, with a minted key', async () => {
      const gateway = await createKeysGateway(database)
      const { key } = await gateway.createKey((await gateway.createAccount()).id)
      const send = (path: string, headers: Record<string, string>) =>
        gateway.app.handle(new Request(`${BASE_URL}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: chatBody }))
      const schemes: Array<[string, string, Record<string, string>]> = [
        ['Bearer', '/v1/chat/completions', { authorization: `Bearer ${key}` }],
        ['x-api-key', '/v1/chat/completions', { 'x-api-key': key }],
        ['x-goog-api-key', '/v1/chat/completions', { 'x-goog-api-key': key }],
        ['?key=', `/v1/chat/completions?key=${key}`, {}],
        ['?api-key=', `/v1/chat/completions?api-key=${key}`, {}],
        ['Basic (key as password)', '/v1/chat/completions', { authorization: `Basic ${btoa(`:${key}`)}` }],
        ['Basic (key as user)', '/v1/chat/completions', { authorization: `Basic ${btoa(`${key}:`)}` }],
      ]
      for (const [scheme, path, headers] of schemes) {
        const response = await send(path, headers)
        expect({ scheme, status: response.status }).toEqual({ scheme, status: 200 })
        expect((await response.json()).choices[0].message.content).toBe('hello')
      }
      await gateway.stop()
    })

    test('missing, malformed, unknown, expired and revoked keys: 401 invalid_api_key in each dialect', async () => {
      const gateway = await createKeysGateway(database)
      const account = await gateway.createAccount()
      const revoked = await gateway.createKey(account.id)
      await gateway.admin('DELETE', `/admin/keys/${revoked.id}`)
      const expired = generateApiKey('private')
      const store = await gateway.app.decorator.gateway.services.store()
      await store.apiKeys.create({
        accountId: account.id,
        projectId: null,
        name: 'expired',
        type: 'private',
        hash: expired.hash,
        prefix: expired.prefix,
        scopes: ['inference'],
        models: null,
        allowedOrigins: null,
        rpm: null,
        tpm: null,
        maxConcurrency: null,
        spendLimitMicros: null,
        expiresAt: new Date(Date.now() - 1_000),
        createdBy: 'master',
      })
      const credentials: Array<[string, string | undefined]> = [
        ['missing', undefined],
        ['malformed', 'not a key at all'],
        ['unknown', generateApiKey('private').key],
        ['expired', expired.key],
        ['revoked', revoked.key],
      ]
      for (const [name, credential] of credentials) {
        const headers: Record<string, string> = { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) }
        const openai = await gateway.app.handle(new Request(`${BASE_URL}/v1/chat/completions`, { method: 'POST', headers, body: chatBody }))
        expect({ name, status: openai.status, error: (await openai.json()).error }).toMatchObject({ name, status: 401, error: { type: 'authentication_error', code: 'invalid_api_key' } })
        const anthropic = await gateway.app.handle(new Request(`${BASE_URL}/v1/messages`, { method: 'POST', headers, body: messagesBody }))
        expect({ name, status: anthropic.status, body: await anthropic.json() }).toMatchObject({ name, status: 401, body: { type: 'error', error: { type: 'authentication_error' } } })
      }
      await gateway.stop()
    })

    test('a key without the inference scope, or a model outside its allowlist: 403 permission_error in each dialect', async () => {
      const gateway = await createKeysGateway(database)
      const account = await gateway.createAccount()
      const readOnly = await gateway.createKey(account.id, { scopes: ['models:read'] })
      const mockOnly = await gateway.createKey(account.id, { models: ['mock/*'] })
      const echoOnly = await gateway.createKey(account.id, { models: ['echo'] })

      const noScope = await gateway.chat(readOnly.key)
      expect(noScope.status).toBe(403)
      expect(noScope.body.error).toMatchObject({ type: 'permission_error', code: 'insufficient_scope' })
      const anthropic = await gateway.app.handle(
        new Request(`${BASE_URL}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': readOnly.key }, body: messagesBody }),
      )
      expect(anthropic.status).toBe(403)
      expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'permission_error' } })

      expect((await gateway.chat(mockOnly.key)).status).toBe(200)
      const outside = await gateway.chat(mockOnly.key, {}, 'gpt-4o')
      expect(outside.status).toBe(403)
      expect(outside.body.error).toMatchObject({ type: 'permission_error', code: 'model_not_allowed', param: 'model' })
      // Patterns match the resolved provider/model and the bare id too.
      expect((await gateway.chat(echoOnly.key, {}, 'mock/echo')).status).toBe(200)
      await gateway.stop()
    })

    test('revocation takes effect immediately, even for a cached key', async () => {
      const gateway = await createKeysGateway(database)
      const key = await gateway.createKey((await gateway.createAccount()).id)
      expect((await gateway.chat(key.key)).status).toBe(200)
      expect((await gateway.chat(key.key)).status).toBe(200)
      await gateway.admin('DELETE', `/admin/keys/${key.id}`)
      const refused = await gateway.chat(key.key)
      expect(refused.status).toBe(401)
      expect(refused.body.error.message).toContain('revoked')
      await gateway.stop()
    })

    test('suspending the account refuses its keys at once; reactivating lets them in again', async () => {
      const gateway = await createKeysGateway(database)
      const account = await gateway.createAccount()
      const key = await gateway.createKey(account.id)
      expect((await gateway.chat(key.key)).status).toBe(200)
      await gateway.admin('PATCH', `/admin/accounts/${account.id}`, { status: 'suspended' })
      const suspended = await gateway.chat(key.key)
      expect([suspended.status, suspended.body.error.code]).toEqual([403, 'account_suspended'])
      await gateway.admin('PATCH', `/admin/accounts/${account.id}`, { status: 'active' })
      expect((await gateway.chat(key.key)).status).toBe(200)
      await gateway.stop()
    })

    test('authentication is served from the cache: a key keeps working when its row changes underneath', async () => {
      const gateway = await createKeysGateway(database)
      const account = await gateway.createAccount()
      const key = await gateway.createKey(account.id)
      expect((await gateway.chat(key.key)).status).toBe(200)
      // Revoke behind the plugin's back (no invalidation): the cached principal still serves.
      const store = await gateway.app.decorator.gateway.services.store()
      await store.apiKeys.revoke(key.id)
      expect((await gateway.chat(key.key)).status).toBe(200)
      await gateway.stop()
    })

    test('the principal carries the limits later plugins enforce; last use is recorded in batches', async () => {
      let seen: any
      const probe = { name: 'probe', hooks: { admit: (context: any) => void (seen = context.principal) } }
      const gateway = await createKeysGateway(database, { config: { plugins: [probe] } })
      const account = await gateway.createAccount({ name: 'Limited', plan: 'pro', rpm: 100, max_concurrency: 5 })
      const key = await gateway.createKey(account.id, { rpm: 10, tpm: 1000, spend_limit: 2.5 })
      expect((await gateway.chat(key.key)).status).toBe(200)
      expect(seen).toMatchObject({
        keyId: key.id,
        accountId: account.id,
        plan: 'pro',
        keyLimits: { rpm: 10, tpm: 1000, spendLimitMicros: 2_500_000 },
        accountLimits: { rpm: 100, maxConcurrency: 5 },
      })
      // Shown at once on this instance, written to the store on the next batch (here: on stop).
      const shown = (await gateway.admin('GET', `/admin/keys/${key.id}`)).body.last_used_at
      expect(shown).toBeGreaterThan(Date.now() / 1000 - 60)
      const store = await gateway.app.decorator.gateway.services.store()
      expect((await store.apiKeys.get(key.id))?.lastUsedAt).toBeNull()
      await gateway.stop()
      const reopened = await createKeysGateway(database, { storeOptions: gateway.storeOptions })
      expect((await reopened.admin('GET', `/admin/keys/${key.id}`)).body.last_used_at).toBe(shown)
      await reopened.stop()
    })
  })
}
