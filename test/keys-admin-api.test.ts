import { afterAll, describe, expect, test } from 'bun:test'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const databases = await testDatabases()
afterAll(dropTestDatabases)

for (const database of databases) {
  describe(`admin API on ${database.dialect}`, () => {
    test('accounts: create, get, change (null clears a limit), list with cursors, 404 for unknown', async () => {
      const gateway = await createKeysGateway(database)
      const created = await gateway.admin('POST', '/admin/accounts', { name: 'Acme', plan: 'pro', rpm: 600 })
      expect(created.status).toBe(200)
      expect(created.body).toMatchObject({ object: 'account', name: 'Acme', plan: 'pro', status: 'active', rpm: 600, tpm: null, max_concurrency: null, balance: 0 })
      expect(created.body.id).toMatch(/^acct_/)
      expect(typeof created.body.created_at).toBe('number')
      const id = created.body.id

      expect((await gateway.admin('GET', `/admin/accounts/${id}`)).body).toEqual(created.body)
      const patched = await gateway.admin('PATCH', `/admin/accounts/${id}`, { rpm: null, tpm: 100000, status: 'suspended' })
      expect(patched.status).toBe(200)
      expect(patched.body).toMatchObject({ id, name: 'Acme', plan: 'pro', rpm: null, tpm: 100000, status: 'suspended' })

      await gateway.createAccount({ name: 'Beta' })
      await gateway.createAccount({ name: 'Gamma' })
      const first = await gateway.admin('GET', '/admin/accounts?limit=2')
      expect(first.body).toMatchObject({ object: 'list', has_more: true })
      expect(first.body.data.map((account: any) => account.name)).toEqual(['Gamma', 'Beta'])
      expect(first.body.first_id).toBe(first.body.data[0].id)
      expect(first.body.last_id).toBe(first.body.data[1].id)
      const next = await gateway.admin('GET', `/admin/accounts?limit=2&after=${first.body.last_id}`)
      expect(next.body.data.map((account: any) => account.name)).toEqual(['Acme'])
      expect(next.body.has_more).toBe(false)
      const back = await gateway.admin('GET', `/admin/accounts?limit=2&before=${next.body.first_id}`)
      expect(back.body.data.map((account: any) => account.name)).toEqual(['Gamma', 'Beta'])

      const missing = await gateway.admin('GET', '/admin/accounts/acct_nope')
      expect(missing.status).toBe(404)
      expect(missing.body.error).toMatchObject({ type: 'not_found_error', code: 'account_not_found' })
      expect((await gateway.admin('PATCH', '/admin/accounts/acct_nope', { plan: 'x' })).status).toBe(404)
      await gateway.stop()
    })

    test('keys: the secret is shown once, stored only as a hash; get, list per account, revoke', async () => {
      const gateway = await createKeysGateway(database)
      const acme = await gateway.createAccount({ name: 'Acme' })
      const other = await gateway.createAccount({ name: 'Other' })
      const created = await gateway.admin('POST', `/admin/accounts/${acme.id}/keys`, {
        name: 'backend',
        type: 'private',
        models: ['mock/*'],
        expires_at: '2099-01-01T00:00:00Z',
        rpm: 60,
        tpm: 50000,
        max_concurrency: 4,
        spend_limit: 12.5,
      })
      expect(created.status).toBe(200)
      const key = created.body
      expect(key.key).toMatch(/^sk-tg-[0-9A-Za-z]{43}$/)
      expect(key).toMatchObject({
        object: 'api_key',
        name: 'backend',
        type: 'private',
        account_id: acme.id,
        prefix: key.key.slice(0, 14),
        scopes: ['inference', 'models:read', 'usage:read', 'billing:read'],
        models: ['mock/*'],
        rpm: 60,
        tpm: 50000,
        max_concurrency: 4,
        spend_limit: 12.5,
        expires_at: Date.parse('2099-01-01T00:00:00Z') / 1000,
        revoked: false,
        last_used_at: null,
        created_by: 'master',
      })

      const fetched = await gateway.admin('GET', `/admin/keys/${key.id}`)
      expect(fetched.body.key).toBeUndefined()
      expect(JSON.stringify(fetched.body)).not.toContain(key.key.slice(14))
      const { key: _secret, ...withoutSecret } = key
      expect(fetched.body).toEqual(withoutSecret)

      const store = await gateway.app.decorator.gateway.services.store()
      const stored = await store.apiKeys.get(key.id)
      expect(JSON.stringify(stored)).not.toContain(key.key.slice(14))
      expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/)

      const otherKey = await gateway.createKey(other.id)
      const listed = await gateway.admin('GET', `/admin/keys?account_id=${acme.id}`)
      expect(listed.body.data.map((row: any) => row.id)).toEqual([key.id])
      expect((await gateway.admin('GET', '/admin/keys')).body.data.map((row: any) => row.id)).toEqual([otherKey.id, key.id])

      const revoked = await gateway.admin('DELETE', `/admin/keys/${key.id}`)
      expect(revoked.status).toBe(200)
      expect(revoked.body).toMatchObject({ id: key.id, revoked: true })
      expect(typeof revoked.body.revoked_at).toBe('number')
      expect((await gateway.admin('DELETE', `/admin/keys/${key.id}`)).body.revoked_at).toBe(revoked.body.revoked_at)
      expect((await gateway.admin('DELETE', '/admin/keys/key_nope')).status).toBe(404)
      expect((await gateway.admin('POST', '/admin/accounts/acct_nope/keys', { name: 'x', type: 'private' })).status).toBe(404)
      await gateway.stop()
    })

    test('projects group keys inside an account; a project of another account is refused', async () => {
      const gateway = await createKeysGateway(database)
      const acme = await gateway.createAccount({ name: 'Acme' })
      const other = await gateway.createAccount({ name: 'Other' })
      const project = await gateway.admin('POST', `/admin/accounts/${acme.id}/projects`, { name: 'web app' })
      expect(project.body).toMatchObject({ object: 'project', name: 'web app', account_id: acme.id })
      expect((await gateway.admin('GET', `/admin/accounts/${acme.id}/projects`)).body.data).toEqual([project.body])
      expect((await gateway.createKey(acme.id, { project_id: project.body.id })).project_id).toBe(project.body.id)
      const foreign = await gateway.admin('POST', `/admin/accounts/${other.id}/keys`, { name: 'x', type: 'private', project_id: project.body.id })
      expect(foreign.status).toBe(404)
      expect(foreign.body.error.param).toBe('project_id')
      await gateway.stop()
    })

    test('bad input is a 400 naming the param', async () => {
      const gateway = await createKeysGateway(database)
      const acme = await gateway.createAccount()
      const refused = async (body: Record<string, unknown>) => {
        const response = await gateway.admin('POST', `/admin/accounts/${acme.id}/keys`, { name: 'k', type: 'private', ...body })
        expect(response.status).toBe(400)
        return response.body.error.param
      }
      expect(await refused({ scopes: ['inference', 'superuser'] })).toBe('scopes[1]')
      expect(await refused({ type: 'secret' })).toBe('type')
      expect(await refused({ type: 'public', allowed_origins: ['https://app.example'] })).toBe('models')
      expect(await refused({ type: 'public', models: ['mock/echo'] })).toBe('allowed_origins')
      expect(await refused({ type: 'public', models: ['mock/echo'], allowed_origins: ['https://app.example'], scopes: ['inference', 'keys:write'] })).toBe('scopes')
      expect(await refused({ allowed_origins: ['app.example.com'] })).toBe('allowed_origins[0]')
      expect(await refused({ expires_at: 1_000 })).toBe('expires_at')
      expect(await refused({ expires_at: 'next tuesday' })).toBe('expires_at')
      expect(await refused({ rpm: 0 })).toBe('rpm')
      expect(await refused({ spend_limit: -1 })).toBe('spend_limit')
      expect(await refused({ name: '' })).toBe('name')
      const badAccount = await gateway.admin('POST', '/admin/accounts', { name: 'x', plan: 'has spaces' })
      expect([badAccount.status, badAccount.body.error.param]).toEqual([400, 'plan'])
      const badLimit = await gateway.admin('GET', '/admin/accounts?limit=1000')
      expect([badLimit.status, badLimit.body.error.param]).toEqual([400, 'limit'])
      const bothCursors = await gateway.admin('GET', '/admin/accounts?after=a&before=b')
      expect([bothCursors.status, bothCursors.body.error.param]).toEqual([400, 'before'])
      await gateway.stop()
    })

    test('admin routes need the master key or the admin scope; public keys never reach them', async () => {
      const gateway = await createKeysGateway(database)
      const acme = await gateway.createAccount()
      const user = await gateway.createKey(acme.id)
      const operator = await gateway.createKey(acme.id, { scopes: ['admin'] })
      const browser = await gateway.createKey(acme.id, { type: 'public', models: ['mock/echo'], allowed_origins: ['https://app.example'] })
      const forbidden = await gateway.call(user.key, 'GET', '/admin/accounts')
      expect(forbidden.status).toBe(403)
      expect(forbidden.body.error).toMatchObject({ type: 'permission_error' })
      expect((await gateway.call(browser.key, 'GET', '/admin/accounts', undefined, { origin: 'https://app.example' })).status).toBe(403)
      expect((await gateway.call(undefined, 'GET', '/admin/accounts')).status).toBe(401)
      const allowed = await gateway.call(operator.key, 'POST', '/admin/accounts', { name: 'Made by an admin key' })
      expect(allowed.status).toBe(200)
      const minted = await gateway.call(operator.key, 'POST', `/admin/accounts/${allowed.body.id}/keys`, { name: 'k', type: 'private' })
      expect(minted.body.created_by).toBe(operator.id)
      await gateway.stop()
    })
  })
}
