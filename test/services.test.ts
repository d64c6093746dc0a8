import { createGateway, definePlugin, type PluginServices } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { BASE_URL } from './helpers/create-test-gateway'
import { externalService } from './helpers/external-services'

const quiet = { info() {}, warn() {}, error() {} }

describe('plugin services', () => {
  test('plugins start in order with the providers and catalogue, and stop in reverse order', async () => {
    const order: string[] = []
    let received: PluginServices | undefined
    const first = definePlugin({ name: 'first', start: (services) => void ((received = services), order.push('start first')), stop: () => void order.push('stop first') })
    const second = definePlugin({ name: 'second', start: () => void order.push('start second'), stop: () => void order.push('stop second') })
    const app = createGateway({ masterKey: 'k', env: {}, logger: quiet, dataDir: '/tmp/tollgate-test-data', plugins: [first, second] })
    await app.decorator.gateway.ready
    await app.decorator.gateway.stop()
    expect(order).toEqual(['start first', 'start second', 'stop second', 'stop first'])
    expect(received?.redis).toBeUndefined()
    expect(received?.catalog.resolve).toBeFunction()
  })

  test('admin routes need the admin scope', async () => {
    const keys = definePlugin({
      name: 'keys',
      hooks: { authenticate: (_context, credential) => (credential === 'sk-user' ? { keyId: 'user', scopes: ['inference'] } : undefined) },
      routes: [{ method: 'GET', path: '/admin/ping', handler: () => ({ pong: true }) }],
    })
    const app = createGateway({ masterKey: 'sk-master', env: {}, logger: quiet, dataDir: '/tmp/tollgate-test-data', plugins: [keys] })
    const get = (key: string) => app.handle(new Request(`${BASE_URL}/admin/ping`, { headers: { authorization: `Bearer ${key}` } }))
    expect((await get('sk-user')).status).toBe(403)
    expect(await (await get('sk-master')).json()).toEqual({ pong: true })
    expect((await get('sk-nobody')).status).toBe(401)
  })

  test('REDIS_URL gives plugins a shared Redis connection', async () => {
    const url = await externalService('REDIS_URL')
    if (!url) return
    let redis: PluginServices['redis']
    const probe = definePlugin({ name: 'probe', start: (services) => void (redis = services.redis) })
    const app = createGateway({ masterKey: 'k', env: {}, redisURL: url, logger: quiet, dataDir: '/tmp/tollgate-test-data', plugins: [probe] })
    await app.decorator.gateway.ready
    const key = `tollgate:test:${crypto.randomUUID()}`
    await redis!.set(key, 'value', 'PX', 5000)
    expect(await redis!.get(key)).toBe('value')
    await app.decorator.gateway.stop()
  })
})
