import { afterAll, describe, expect, test } from 'bun:test'
import { MASTER_KEY, createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

for (const database of databases) {
  describe(`self-service /v1/keys on ${database.dialect}`, () => {
    test('a key with keys:write manages its own account’s keys, never more than it holds', async () => {
      const gateway = await createKeysGateway(database)
      const acme = await gateway.createAccount({ name: 'Acme' })
      const other = await gateway.createAccount({ name: 'Other' })
      const manager = await gateway.createKey(acme.id, { scopes: ['inference', 'keys:write'], models: ['mock/*'] })
      const foreign = await gateway.createKey(other.id)

      const created = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'ci', type: 'private', scopes: ['inference'], models: ['mock/echo'] })
      expect(created.status).toBe(200)
      expect(created.body).toMatchObject({ object: 'api_key', account_id: acme.id, scopes: ['inference'], models: ['mock/echo'], created_by: manager.id })
      expect((await gateway.chat(created.body.key)).status).toBe(200)

      const browserKey = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'web', type: 'public', models: ['mock/echo'], allowed_origins: ['https://app.example'] })
      expect(browserKey.body.key).toMatch(/^pk-tg-/)

      const escalation = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'x', type: 'private', scopes: ['admin'] })
      expect([escalation.status, escalation.body.error.code, escalation.body.error.param]).toEqual([403, 'scope_not_grantable', 'scopes'])
      const defaults = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'x', type: 'private', models: ['mock/*'] })
      expect([defaults.status, defaults.body.error.code]).toEqual([403, 'scope_not_grantable'])
      const wider = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'x', type: 'private', scopes: ['inference'], models: ['*'] })
      expect([wider.status, wider.body.error.code]).toEqual([403, 'model_not_grantable'])
      const unbounded = await gateway.call(manager.key, 'POST', '/v1/keys', { name: 'x', type: 'private', scopes: ['inference'] })
      expect([unbounded.status, unbounded.body.error.param]).toEqual([403, 'models'])

      const listed = await gateway.call(manager.key, 'GET', '/v1/keys')
      expect(listed.body.data.map((key: any) => key.id)).toEqual([browserKey.body.id, created.body.id, manager.id])
      expect(listed.body.data.every((key: any) => key.key === undefined)).toBe(true)

      const notMine = await gateway.call(manager.key, 'DELETE', `/v1/keys/${foreign.id}`)
      expect(notMine.status).toBe(404)
      expect(notMine.body.error.message).toBe((await gateway.call(manager.key, 'DELETE', '/v1/keys/key_does_not_exist')).body.error.message.replace('key_does_not_exist', foreign.id))
      expect((await gateway.chat(foreign.key)).status).toBe(200)

      const revoked = await gateway.call(manager.key, 'DELETE', `/v1/keys/${created.body.id}`)
      expect(revoked.body.revoked).toBe(true)
      expect((await gateway.chat(created.body.key)).status).toBe(401)
      await gateway.stop()
    })

    test('without keys:write: 403; the master key has no account: 400', async () => {
      const gateway = await createKeysGateway(database)
      const plain = await gateway.createKey((await gateway.createAccount()).id)
      for (const [method, path, body] of [
        ['GET', '/v1/keys', undefined],
        ['POST', '/v1/keys', { name: 'x', type: 'private' }],
        ['DELETE', `/v1/keys/${plain.id}`, undefined],
      ] as const) {
        const response = await gateway.call(plain.key, method, path, body)
        expect({ method, status: response.status, type: response.body.error.type }).toEqual({ method, status: 403, type: 'permission_error' })
      }
      const master = await gateway.call(MASTER_KEY, 'GET', '/v1/keys')
      expect([master.status, master.body.error.code]).toEqual([400, 'no_account'])
      await gateway.stop()
    })
  })
}
