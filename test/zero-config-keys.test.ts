import { describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGateway } from '@tollgate/core'
import { loadConfig } from '../core/src/runtime/load-config'

describe('zero config: accounts and keys on the embedded SQLite store', () => {
  test('with no plugins configured, keys, rate limits, billing and routing are enabled; an explicit list is respected', async () => {
    const config = await loadConfig({})
    expect(config.plugins?.map((plugin) => plugin.name)).toEqual(['keys', 'ratelimit', 'billing', 'routing'])
    const withoutPluginList = await loadConfig({ TOLLGATE_CONFIG: 'test/fixtures/config/tollgate.config.ts' })
    expect(withoutPluginList.plugins?.map((plugin) => plugin.name)).toEqual(['keys', 'ratelimit', 'billing', 'routing'])
    const explicit = await loadConfig({ TOLLGATE_CONFIG: 'test/fixtures/config/no-plugins.config.ts' })
    expect(explicit.plugins).toEqual([])
  })

  test('the runtime config serves the admin API and minted keys with nothing else set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-zero-'))
    const config = await loadConfig({ TOLLGATE_DATA_DIR: dataDir, TOLLGATE_MASTER_KEY: 'sk-tg-zero-master' })
    const app = createGateway({ ...config, logger: { info() {}, warn() {}, error() {} } })
    const call = (key: string, path: string, body: unknown) =>
      app.handle(new Request(`http://tollgate.test${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }))
    const account = await (await call('sk-tg-zero-master', '/admin/accounts', { name: 'Zero' })).json()
    const key = await (await call('sk-tg-zero-master', `/admin/accounts/${account.id}/keys`, { name: 'k', type: 'private' })).json()
    const chat = await call(key.key, '/v1/chat/completions', { model: 'mock/echo', messages: [{ role: 'user', content: 'zero config' }] })
    expect((await chat.json()).choices[0].message.content).toBe('zero config')
    expect(await Bun.file(join(dataDir, 'tollgate.sqlite')).exists()).toBe(true)
    await app.decorator.gateway.stop()
  })

  test('a gateway whose plugins never ask for the store opens no database', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'tollgate-nostore-')), 'data')
    const app = createGateway({ masterKey: 'k', env: {}, dataDir, logger: { info() {}, warn() {}, error() {} } })
    await app.decorator.gateway.ready
    await app.decorator.gateway.stop()
    expect(await Bun.file(join(dataDir, 'tollgate.sqlite')).exists()).toBe(false)
  })
})
