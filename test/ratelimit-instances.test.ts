import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../plugins/ratelimit/test-support/redis-server-process'
import { externalService } from './helpers/external-services'

/**
 * Two real gateway processes (bun-main, on loopback ports) sharing one Redis and one SQLite
 * store: a burst split across them is limited exactly as if they were one instance.
 */
const redisURL = await externalService('REDIS_URL')
const root = join(import.meta.dir, '..')
const masterKey = 'sk-tg-two-instances-master'
const dataDir = mkdtempSync(join(tmpdir(), 'tollgate-instances-'))
const processes: Array<ReturnType<typeof Bun.spawn>> = []
afterAll(async () => {
  for (const child of processes) child.kill('SIGTERM')
  await Promise.all(processes.map((child) => child.exited))
})

async function startInstance(prefix: string): Promise<string> {
  const port = await freePort()
  const child = Bun.spawn(['bun', 'run', 'core/src/runtime/bun-main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      TOLLGATE_DATA_DIR: dataDir,
      TOLLGATE_MASTER_KEY: masterKey,
      TOLLGATE_CONFIG: 'plugins/ratelimit/test-support/two-instances.config.ts',
      TOLLGATE_TEST_RATELIMIT_PREFIX: prefix,
      REDIS_URL: redisURL!,
    },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  processes.push(child)
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await fetch(`${base}/health`).then((response) => response.ok, () => false)) return base
    await Bun.sleep(100)
  }
  throw new Error(`gateway did not start: ${await new Response(child.stderr).text()}`)
}

const post = (base: string, path: string, credential: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe.skipIf(!redisURL)('two gateway processes sharing Redis', () => {
  test('a burst split across both is limited exactly: requests per minute and concurrent requests', async () => {
    const prefix = `tollgate:test:${crypto.randomUUID().slice(0, 8)}:`
    const first = await startInstance(prefix)
    const second = await startInstance(prefix)
    const account = await (await post(first, '/admin/accounts', masterKey, { name: 'Burst' })).json()
    const rpmKey = (await (await post(first, `/admin/accounts/${account.id}/keys`, masterKey, { name: 'rpm', type: 'private', rpm: 12 })).json()).key
    const slotKey = (await (await post(first, `/admin/accounts/${account.id}/keys`, masterKey, { name: 'slots', type: 'private', max_concurrency: 4 })).json()).key

    // Both instances know the keys already (an authenticated call caches them), so neither starts late.
    for (const base of [first, second]) for (const key of [rpmKey, slotKey]) await fetch(`${base}/v1/keys`, { headers: { authorization: `Bearer ${key}` } }).then((response) => response.text())

    // 48 requests at once, alternating instances, against 12 requests per minute.
    const chat = { model: 'mock/echo', messages: [{ role: 'user', content: 'burst' }] }
    const burst = await Promise.all(Array.from({ length: 48 }, (_, index) => post(index % 2 ? second : first, '/v1/chat/completions', rpmKey, chat)))
    const accepted = burst.filter((response) => response.status === 200)
    const refused = burst.filter((response) => response.status === 429)
    const acceptedBy = [0, 1].map((instance) => burst.filter((response, index) => index % 2 === instance && response.status === 200).length)
    console.info(`[figures] rpm 12, 48 requests over 2 processes: ${accepted.length} accepted (${acceptedBy.join(' + ')}), ${refused.length} refused`)
    expect(accepted).toHaveLength(12)
    expect(refused).toHaveLength(36)
    expect(refused.every((response) => Number(response.headers.get('retry-after')) >= 1)).toBe(true)
    expect(Math.min(...accepted.map((response) => Number(response.headers.get('x-ratelimit-remaining-requests'))))).toBe(0)
    await Promise.all(burst.map((response) => response.text()))

    // 24 slow streams at once against 4 concurrent requests: exactly 4 run, the slots come back when they end.
    const slow = { model: 'mock/echo', stream: true, messages: [{ role: 'user', content: '[[delay:150]] a slow answer that keeps its slot for a while' }] }
    const streams = await Promise.all(Array.from({ length: 24 }, (_, index) => post(index % 2 ? second : first, '/v1/chat/completions', slotKey, slow)))
    const running = streams.filter((response) => response.status === 200)
    const runningBy = [0, 1].map((instance) => streams.filter((response, index) => index % 2 === instance && response.status === 200).length)
    console.info(`[figures] max_concurrency 4, 24 streams over 2 processes: ${running.length} running (${runningBy.join(' + ')}), ${streams.length - running.length} refused`)
    expect(running).toHaveLength(4)
    await Promise.all(streams.map((response) => response.text()))
    const after = await Promise.all([post(first, '/v1/chat/completions', slotKey, chat), post(second, '/v1/chat/completions', slotKey, chat)])
    expect(after.map((response) => response.status)).toEqual([200, 200])
  }, 60_000)
})
