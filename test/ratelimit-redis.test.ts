import { afterAll, describe, expect, test } from 'bun:test'
import { definePlugin, type RedisClient } from '@tollgate/core'
import { createMemoryRateLimitStore } from '../plugins/ratelimit/src/memory-rate-limit-store'
import { createRedisRateLimitStore } from '../plugins/ratelimit/src/redis-rate-limit-store'
import type { BucketCheck } from '../plugins/ratelimit/src/rate-limit-store'
import { manualClock, runRateLimitStoreContract } from '../plugins/ratelimit/test-support/rate-limit-store-contract'
import { createTestGateway } from './helpers/create-test-gateway'
import { externalService } from './helpers/external-services'

const redisURL = await externalService('REDIS_URL')

/** The gateway's own Redis connection (core's client, as plugins get it). */
async function gatewayRedis(url: string): Promise<{ redis: RedisClient; stop(): Promise<void> }> {
  let redis: RedisClient | undefined
  const probe = definePlugin({ name: 'probe', start: (services) => void (redis = services.redis) })
  const gateway = createTestGateway({ redisURL: url, plugins: [probe] })
  await gateway.app.decorator.gateway.ready
  return { redis: redis!, stop: () => gateway.app.decorator.gateway.stop() }
}

const connection = redisURL ? await gatewayRedis(redisURL) : undefined
afterAll(() => connection?.stop())
const connect = () => connection!.redis

if (redisURL) {
  const redis = connect()
  runRateLimitStoreContract('redis', (options) => createRedisRateLimitStore({ redis, ...options }))
}

describe.skipIf(!redisURL)('Redis rate-limit store', () => {
  test("without an injected clock the scripts use the Redis server's clock (instances with skewed clocks agree)", async () => {
    const prefix = `tollgate:test:${crypto.randomUUID().slice(0, 8)}:`
    const store = createRedisRateLimitStore({ redis: connect(), prefix })
    const reservation = await store.reserve({ requestId: 'a', checks: [{ kind: 'rate', id: 'rpm', limit: 2, cost: 1 }] })
    expect(reservation.states).toEqual([{ limit: 2, remaining: 1, resetMs: 30_000 }])
    const [used, at] = (await connect().get(`${prefix}rpm`))!.split(':').map(Number)
    expect(used).toBe(60_000)
    // Stored at Redis's time (this machine's clock here; a skewed gateway clock would not matter).
    expect(Math.abs(at - Date.now())).toBeLessThan(60_000)
  })

  test('the Redis scripts and the memory store agree step by step on a random mix of operations', async () => {
    const time = manualClock()
    const run = crypto.randomUUID().slice(0, 8)
    const shared = createRedisRateLimitStore({ redis: connect(), clock: time.clock, prefix: `tollgate:test:${run}:`, leaseMs: 5000 })
    const local = createMemoryRateLimitStore({ clock: time.clock, leaseMs: 5000 })
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    const checks: BucketCheck[] = [
      { kind: 'rate', id: 'rpm', limit: 7, cost: 1 },
      { kind: 'rate', id: 'tpm', limit: 1000, cost: 0 },
      { kind: 'concurrency', id: 'slots', limit: 3, cost: 1 },
    ]
    const open: string[] = []
    for (let step = 0; step < 300; step++) {
      const roll = random()
      if (roll < 0.5) {
        const request = { requestId: `r${step}`, checks: checks.map((check) => (check.id === 'tpm' ? { ...check, cost: Math.floor(random() * 400) } : check)) }
        const [fromRedis, fromMemory] = [await shared.reserve(request), await local.reserve(request)]
        expect({ step, ...fromRedis }).toEqual({ step, ...fromMemory })
        if (fromMemory.allowed) open.push(request.requestId)
      } else if (roll < 0.8 && open.length > 0) {
        const requestId = open.splice(Math.floor(random() * open.length), 1)[0]
        const settlement = { requestId, adjustments: [{ id: 'tpm', limit: 1000, delta: Math.floor(random() * 600) - 300 }], releases: ['slots'] }
        await shared.settle(settlement)
        await local.settle(settlement)
      } else {
        time.advance(Math.floor(random() * 9000))
        expect(await shared.peek(checks)).toEqual(await local.peek(checks))
      }
    }
  })
})
