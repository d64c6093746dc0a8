import { afterAll, describe, expect, test } from 'bun:test'
import { BASE_URL, createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

const [database] = await testDatabases()
afterAll(dropTestDatabases)
const APP = 'https://app.example.com'

describe('public keys and browser origins (CORS)', () => {
  test('a preflight needs no key: it allows the origin and the headers asked for', async () => {
    const gateway = await createKeysGateway(database)
    const response = await gateway.app.handle(
      new Request(`${BASE_URL}/v1/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://anywhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-stainless-os' },
      }),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example')
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-stainless-os')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    await gateway.stop()
  })

  test('a public key works from its allowed origins only, for its bound models only', async () => {
    const gateway = await createKeysGateway(database)
    const account = await gateway.createAccount()
    const browser = await gateway.createKey(account.id, { type: 'public', models: ['mock/echo'], allowed_origins: [APP, 'https://*.preview.example.com'] })
    expect(browser.scopes).toEqual(['inference'])

    const allowed = await gateway.chat(browser.key, { origin: APP })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP)
    expect(allowed.body.choices[0].message.content).toBe('hello')
    expect((await gateway.chat(browser.key, { origin: 'https://pr-42.preview.example.com' })).status).toBe(200)

    const elsewhere = await gateway.chat(browser.key, { origin: 'https://evil.example' })
    expect(elsewhere.status).toBe(403)
    expect(elsewhere.body.error).toMatchObject({ type: 'permission_error', code: 'origin_not_allowed' })
    expect((await gateway.chat(browser.key, { origin: 'https://evil.example/.preview.example.com' })).status).toBe(403)

    const noOrigin = await gateway.chat(browser.key)
    expect([noOrigin.status, noOrigin.body.error.code]).toEqual([403, 'origin_required'])
    const otherModel = await gateway.chat(browser.key, { origin: APP }, 'gpt-4o')
    expect([otherModel.status, otherModel.body.error.code]).toEqual([403, 'model_not_allowed'])
    const keysRoute = await gateway.call(browser.key, 'GET', '/v1/keys', undefined, { origin: APP })
    expect(keysRoute.status).toBe(403)
    await gateway.stop()
  })

  test('a private key from a browser origin is refused unless the key allows it; same-origin calls need nothing', async () => {
    const gateway = await createKeysGateway(database)
    const account = await gateway.createAccount()
    const server = await gateway.createKey(account.id)
    const dashboard = await gateway.createKey(account.id, { allowed_origins: [APP] })
    expect((await gateway.chat(server.key)).status).toBe(200)
    expect((await gateway.chat(server.key, { origin: APP })).status).toBe(403)
    expect((await gateway.chat(dashboard.key, { origin: APP })).status).toBe(200)
    const listed = await gateway.call(dashboard.key, 'GET', '/v1/keys', undefined, { origin: APP })
    expect(listed.headers.get('access-control-allow-origin')).toBe(APP)
    const sameOrigin = await gateway.chat(server.key, { origin: 'http://tollgate.test', host: 'tollgate.test' })
    expect(sameOrigin.status).toBe(200)
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull()
    await gateway.stop()
  })
})
