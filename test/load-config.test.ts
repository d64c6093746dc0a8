import { describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGateway } from '@tollgate/core'
import { discoverProviders, loadConfig } from '../core/src/runtime/load-config'

describe('configuration', () => {
  test('zero config: providers with keys in the environment, plus the mock', async () => {
    const providers = await discoverProviders({ OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: 'sk-ant-x', GEMINI_API_KEY: 'AIza-x' })
    expect(providers.map((provider) => provider.spec.id)).toEqual(['openai', 'anthropic', 'gemini', 'mock'])
    expect((await discoverProviders({ ANTHROPIC_API_KEY: 'sk-ant-x' })).map((provider) => provider.spec.id)).toEqual(['anthropic', 'mock'])
  })

  test('tollgate.config.ts via TOLLGATE_CONFIG: providers, aliases and server options', async () => {
    const config = await loadConfig({ TOLLGATE_CONFIG: 'test/fixtures/config/tollgate.config.ts' })
    expect(config.server?.port).toBe(9999)
    expect(config.providers?.map((provider) => provider.spec.id)).toEqual(['mock'])
    const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-config-'))
    const app = createGateway({ ...config, dataDir, masterKey: 'sk-k', logger: { info() {}, warn() {}, error() {} } })
    const response = await app.handle(
      new Request('http://localhost/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-k' },
        body: JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'aliased' }] }),
      }),
    )
    expect(response.headers.get('x-tollgate-provider')).toBe('mock')
    expect((await response.json()).choices[0].message.content).toBe('aliased')
  })

  test('a TOLLGATE_CONFIG that does not exist is an error, not a silent default', async () => {
    await expect(loadConfig({ TOLLGATE_CONFIG: 'nope.config.ts' })).rejects.toThrow('Config file not found')
  })
})
