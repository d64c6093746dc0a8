import { afterAll, afterEach, describe, expect, test } from 'bun:test'
import { definePlugin, type RedisClient } from '@tollgate/core'
import { rateLimits, type RedisFailurePolicy } from '@tollgate/ratelimit'
import { redisServerBinary, startRedisServer } from '../plugins/ratelimit/test-support/redis-server-process'
import { createKeysGateway } from './helpers/create-keys-gateway'
import { dropTestDatabases, testDatabases } from './helpers/test-databases'

/**
 * Redis stopped, frozen and restarted under a running gateway. These tests start their own
 * throwaway redis-server (the machine's shared one must never be stopped).
 */
const binary = redisServerBinary()
if (!binary) console.warn('SKIPPED: Redis failure-policy tests need the redis-server binary (not found on PATH)')
const [sqlite] = await testDatabases()
afterAll(dropTestDatabases)

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function gatewayOnOwnRedis(policy: RedisFailurePolicy, limits: Record<string, unknown>) {
  const redis = await startRedisServer()
  const lines: string[] = []
  const record = (line: unknown) => void lines.push(String(line))
  const logger = { info: record, warn: record, error: record }
  let client: RedisClient | undefined
  const probe = definePlugin({ name: 'probe', start: (services) => void (client = services.redis) })
  const plugins = [rateLimits({ onRedisFailure: policy, redis: { timeoutMs: 150, retryMs: 50 } }), probe]
  const gateway = await createKeysGateway(sqlite, { config: { redisURL: redis.url, logger, plugins } })
  cleanups.push(async () => {
    redis.resume()
    await redis.start().catch(() => {})
    await gateway.stop()
    await redis.stop()
  })
  const account = await gateway.createAccount({ name: 'Acme' })
  const { key } = await gateway.createKey(account.id, limits)
  const chat = async () => {
    const response = await gateway.chat(key)
    return { status: response.status, remaining: response.headers.get('x-ratelimit-remaining-requests'), code: response.body?.error?.code, retryAfter: response.headers.get('retry-after') }
  }
  const ratelimitLines = (text: string) => lines.filter((line) => line.startsWith('[tollgate] ratelimit:') && line.includes(text))
  /** Restart Redis and wait until the gateway's own connection answers again, then past the retry pause. */
  const restart = async () => {
    await redis.start()
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && !(await client!.get('probe').then(() => true, () => false))) await Bun.sleep(20)
    await Bun.sleep(80)
  }
  return { redis, gateway, chat, lines, ratelimitLines, restart }
}

describe.skipIf(!binary)('Redis trouble never stops the gateway; the configured policy holds', () => {
  test("policy 'local': limits go on in this instance's memory, one log line, shared again once Redis is back", async () => {
    const { redis, chat, ratelimitLines, restart } = await gatewayOnOwnRedis('local', { rpm: 2 })
    expect(await chat()).toMatchObject({ status: 200, remaining: '1' })
    await redis.stop()
    // Local counters start empty: the same limit holds, per instance.
    expect(await chat()).toMatchObject({ status: 200, remaining: '1' })
    expect(await chat()).toMatchObject({ status: 200, remaining: '0' })
    expect(await chat()).toMatchObject({ status: 429, code: 'rate_limit_exceeded' })
    expect(ratelimitLines('Redis unavailable')).toHaveLength(1)
    expect(ratelimitLines('Redis unavailable')[0]).toContain("policy 'local'")

    await restart()
    // The restarted Redis is empty: a fresh shared bucket (local memory would refuse now).
    expect(await chat()).toMatchObject({ status: 200, remaining: '1' })
    expect(ratelimitLines('Redis is back')).toHaveLength(1)
  }, 20_000)

  test("policy 'open': requests pass without limits (and without limit headers) while Redis is down", async () => {
    const { redis, chat, ratelimitLines, restart } = await gatewayOnOwnRedis('open', { rpm: 1 })
    expect(await chat()).toMatchObject({ status: 200, remaining: '0' })
    expect(await chat()).toMatchObject({ status: 429 })
    await redis.stop()
    for (let request = 0; request < 3; request++) expect(await chat()).toMatchObject({ status: 200, remaining: null })
    expect(ratelimitLines('Redis unavailable')).toHaveLength(1)
    expect(ratelimitLines('Redis unavailable')[0]).toContain("policy 'open'")
    await restart()
    expect(await chat()).toMatchObject({ status: 200, remaining: '0' })
    expect(await chat()).toMatchObject({ status: 429 })
  }, 20_000)

  test("policy 'closed': inference is refused with 503 rate_limiter_unavailable while Redis is down, served again after", async () => {
    const { redis, chat, ratelimitLines, restart } = await gatewayOnOwnRedis('closed', { rpm: 5 })
    expect(await chat()).toMatchObject({ status: 200, remaining: '4' })
    await redis.stop()
    for (let request = 0; request < 3; request++) expect(await chat()).toMatchObject({ status: 503, code: 'rate_limiter_unavailable', retryAfter: '1' })
    expect(ratelimitLines('Redis unavailable')).toHaveLength(1)
    await restart()
    expect(await chat()).toMatchObject({ status: 200, remaining: '4' })
  }, 20_000)

  test('a frozen Redis counts as down after the timeout; a slot taken by the late reservation is given back', async () => {
    const { redis, chat, ratelimitLines } = await gatewayOnOwnRedis('local', { max_concurrency: 1 })
    expect((await chat()).status).toBe(200)
    redis.pause()
    // Answered by local counters after the 150 ms timeout; the frozen Redis still has the reservation queued.
    expect((await chat()).status).toBe(200)
    expect(ratelimitLines('Redis unavailable')[0]).toContain('no answer within 150 ms')
    redis.resume()
    // Redis runs the queued reservation, then the release sent at the end of the request: no slot leaks.
    await Bun.sleep(80)
    expect((await chat()).status).toBe(200)
    expect((await chat()).status).toBe(200)
    expect(ratelimitLines('Redis is back')).toHaveLength(1)
  }, 20_000)
})
