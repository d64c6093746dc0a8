import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GatewayConfig } from '@tollgate/core'
import { keys, type KeysOptions } from '@tollgate/keys'
import { BASE_URL, MASTER_KEY, createTestGateway } from './create-test-gateway'
import type { TestDatabase } from './test-databases'

/**
 * The test gateway (fake upstreams, mock provider) with the keys plugin on a fresh database,
 * started; plus helpers to call the admin API with the master key and any route with a key.
 */
export async function createKeysGateway(database: TestDatabase, options: { keys?: KeysOptions; config?: Partial<GatewayConfig>; storeOptions?: ReturnType<TestDatabase['fresh']> } = {}) {
  const storeOptions = options.storeOptions ?? database.fresh()
  const gateway = createTestGateway({
    dataDir: storeOptions.dataDir ?? mkdtempSync(join(tmpdir(), 'tollgate-keys-')),
    databaseURL: storeOptions.databaseURL,
    databaseSchema: storeOptions.databaseSchema,
    ...options.config,
    plugins: [keys({ lastUsedFlushMs: 60_000, ...options.keys }), ...(options.config?.plugins ?? [])],
  })
  await gateway.app.decorator.gateway.ready

  const call = async (credential: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await gateway.app.handle(
      new Request(`${BASE_URL}${path}`, {
        method,
        headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    )
    const text = await response.text()
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined }
  }
  const admin = (method: string, path: string, body?: unknown) => call(MASTER_KEY, method, path, body)

  return {
    ...gateway,
    storeOptions,
    call,
    admin,
    /** A new account (via the admin API). */
    async createAccount(body: Record<string, unknown> = { name: 'Acme' }) {
      const created = await admin('POST', '/admin/accounts', body)
      if (created.status !== 200) throw new Error(`account creation failed: ${JSON.stringify(created.body)}`)
      return created.body as { id: string; name: string }
    },
    /** A new key for an account (via the admin API); `key` is its secret. */
    async createKey(accountId: string, body: Record<string, unknown> = {}) {
      const created = await admin('POST', `/admin/accounts/${accountId}/keys`, { name: 'test key', type: 'private', ...body })
      if (created.status !== 200) throw new Error(`key creation failed: ${JSON.stringify(created.body)}`)
      return created.body as { id: string; key: string; prefix: string; scopes: string[] } & Record<string, unknown>
    },
    /** POST /v1/chat/completions to the mock provider with a key. */
    chat(credential: string | undefined, headers: Record<string, string> = {}, model = 'mock/echo') {
      return call(credential, 'POST', '/v1/chat/completions', { model, messages: [{ role: 'user', content: 'hello' }] }, headers)
    },
    stop: () => gateway.app.decorator.gateway.stop(),
  }
}

export { BASE_URL, MASTER_KEY }
