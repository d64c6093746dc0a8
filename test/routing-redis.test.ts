import { definePlugin, type RedisClient } from '@tollgate/core'
import { routing, type BreakerPolicy, type Clock, type RoutingOptions } from '@tollgate/routing'
import { afterAll, describe, expect, test } from 'bun:test'
import { createLocalBreakerStore } from '../plugins/routing/src/breaker-store'
import { createRedisBreakerStore } from '../plugins/routing/src/redis-breaker-store'
import { DEFAULT_BREAKER_POLICY } from '../plugins/routing/src/routing-options'
import { BASE_URL, MASTER_KEY, createTestGateway, readJsonFixture } from './helpers/create-test-gateway'
import { externalService } from './helpers/external-services'

const redisURL = await externalService('REDIS_URL')
const run = crypto.randomUUID().slice(0, 8)
const quiet = { warn() {} }

function manualClock() {
  let now = 1_000_000
  const clock: Clock = { now: () => now, sleep: async () => {} }
  return { clock, advance: (milliseconds: number) => (now += milliseconds) }
}

const stops: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const stop of stops) await stop()
})

/** A gateway on Redis (its services.redis handed out), with the routing plugin on a shared clock. */
function redisGateway(url: string, clock: Clock, breaker: Partial<BreakerPolicy>, routes: RoutingOptions['routes'] = {}) {
  let redis: RedisClient | undefined
  const probe = definePlugin({ name: 'probe', start: (services) => void (redis = services.redis) })
  const gateway = createTestGateway({ redisURL: url, plugins: [probe, routing({ routes, clock, breaker, retry: { retries: 0 } })] })
  stops.push(() => gateway.app.decorator.gateway.stop())
  return { ...gateway, redis: async () => (await gateway.app.decorator.gateway.ready, redis!) }
}

const admin = async (gateway: ReturnType<typeof createTestGateway>) =>
  (await (await gateway.app.handle(new Request(`${BASE_URL}/admin/routes`, { headers: { authorization: `Bearer ${MASTER_KEY}` } }))).json()).data

describe.skipIf(!redisURL)('circuit breakers on real Redis', () => {
  test('the Redis script and the local state machine agree step by step (counts, rate window, cool-down, probe)', async () => {
    const time = manualClock()
    const policy: BreakerPolicy = { ...DEFAULT_BREAKER_POLICY, failureThreshold: 3, failureRate: 0.5, minimumCalls: 4, windowMs: 10_000, coolDownMs: 5000, probeTimeoutMs: 2000 }
    const redis = await redisGateway(redisURL!, time.clock, {}).redis()
    const shared = createRedisBreakerStore({ redis, policy, clock: time.clock, logger: quiet })
    const local = createLocalBreakerStore(policy, time.clock)
    const id = `parity-${run}`
    const script: Array<['acquire' | 'success' | 'failure' | 'advance', number?]> = [
      ['acquire'], ['failure'], ['success'], ['failure'], ['advance', 10_000], ['failure'], ['success'], ['failure'], ['failure'],
      ['acquire'], ['advance', 4999], ['acquire'], ['advance', 1], ['acquire'], ['acquire'], ['advance', 2000], ['acquire'], ['failure'],
      ['advance', 5000], ['acquire'], ['success'], ['acquire'], ['failure'], ['failure'], ['failure'],
    ]
    for (const [step, milliseconds] of script) {
      if (step === 'advance') {
        time.advance(milliseconds!)
        continue
      }
      const [fromRedis, fromLocal] = step === 'acquire' ? [await shared.acquire(id), await local.acquire(id)] : [await shared.record(id, step === 'success'), await local.record(id, step === 'success')]
      expect({ step, result: fromRedis, state: shared.peek(id) }).toEqual({ step, result: fromLocal, state: local.peek(id) })
    }
    expect(local.peek(id).state).toBe('open')
    // The state really lives in Redis (not in the local fallback).
    expect(JSON.parse((await redis.get(`tollgate:routing:breaker:${id}`))!)).toEqual(local.peek(id))
  })

  test('atomic under concurrency: 40 simultaneous failures are all counted; 20 simultaneous acquires lend one probe', async () => {
    const time = manualClock()
    const redis = await redisGateway(redisURL!, time.clock, {}).redis()
    const counting = { ...DEFAULT_BREAKER_POLICY, failureThreshold: 1000 }
    const stores = Array.from({ length: 40 }, () => createRedisBreakerStore({ redis, policy: counting, clock: time.clock, logger: quiet }))
    await Promise.all(stores.map((store) => store.record(`count-${run}`, false)))
    expect((await stores[0].read(`count-${run}`)).failures).toBe(40)

    const opening = { ...DEFAULT_BREAKER_POLICY, failureThreshold: 1, coolDownMs: 1000 }
    const instances = Array.from({ length: 20 }, () => createRedisBreakerStore({ redis, policy: opening, clock: time.clock, logger: quiet }))
    await instances[0].record(`probe-${run}`, false)
    time.advance(1000)
    const permits = await Promise.all(instances.map((store) => store.acquire(`probe-${run}`)))
    expect(permits.filter((permit) => permit === 'probe')).toHaveLength(1)
    expect(permits.filter((permit) => permit === 'deny')).toHaveLength(19)
  })

  test('two gateway instances share a breaker: opened by one, skipped by the other, probed and closed', async () => {
    const time = manualClock()
    const routes = {
      pair: {
        deployments: [
          { id: `east-${run}`, provider: 'openai', model: 'gpt-4o', baseURL: 'https://east.openai.test/v1' },
          { id: `west-${run}`, provider: 'openai', model: 'gpt-4o', baseURL: 'https://west.openai.test/v1' },
        ],
      },
    }
    const breaker = { failureThreshold: 2, coolDownMs: 30_000 }
    const first = redisGateway(redisURL!, time.clock, breaker, routes)
    const second = redisGateway(redisURL!, time.clock, breaker, routes)
    const recorded = await readJsonFixture('openai-chat/response-text.response.json')
    const overloaded = { status: 503, json: { error: { message: 'overloaded' } } }
    const chat = { model: 'pair', messages: [{ role: 'user', content: 'hi' }] }
    first.openaiUpstream.replyTo('east.openai.test', overloaded, overloaded)
    first.openaiUpstream.replyTo('west.openai.test', { json: recorded }, { json: recorded })
    for (let i = 0; i < 2; i++) expect((await first.post('/v1/chat/completions', chat)).status).toBe(200)

    second.openaiUpstream.replyTo('west.openai.test', { json: recorded })
    expect((await second.post('/v1/chat/completions', chat)).status).toBe(200)
    expect(second.openaiUpstream.requestsTo('east.openai.test')).toHaveLength(0)
    expect((await admin(second))[0].deployments[0].health.breaker.state).toBe('open')

    time.advance(30_000)
    second.openaiUpstream.replyTo('east.openai.test', { json: recorded })
    const probe = await second.post('/v1/chat/completions', chat)
    expect(probe.headers.get('x-tollgate-attempts')).toBe('1')
    expect(second.openaiUpstream.requestsTo('east.openai.test')).toHaveLength(1)
    expect((await admin(first))[0].deployments[0].health.breaker).toEqual({ state: 'closed', consecutiveFailures: 0, retryAt: null })
  })
})

describe('Redis trouble never fails a request', () => {
  test('with Redis unreachable, requests are served and breakers work on local state', async () => {
    const time = manualClock()
    const gateway = createTestGateway({
      redisURL: 'redis://127.0.0.1:1',
      plugins: [routing({ routes: { solo: { deployments: [{ provider: 'mock', model: 'echo' }, { provider: 'openai', model: 'gpt-4o' }] } }, clock: time.clock, breaker: { failureThreshold: 1 }, retry: { retries: 0 } })],
    })
    stops.push(() => gateway.app.decorator.gateway.stop())
    const chat = (text: string) => ({ model: 'solo', messages: [{ role: 'user', content: text }] })
    gateway.openaiUpstream.reply({ json: await readJsonFixture('openai-chat/response-text.response.json') })
    const first = await gateway.post('/v1/chat/completions', chat('[[error:500]]'))
    expect(first.status).toBe(200)
    expect(first.headers.get('x-tollgate-provider')).toBe('openai')
    const [solo] = await admin(gateway)
    expect(solo.deployments[0].health.breaker.state).toBe('open')
  })
})
