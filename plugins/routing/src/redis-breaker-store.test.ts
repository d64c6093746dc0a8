import type { RedisClient } from '@tollgate/core'
import { describe, expect, test } from 'bun:test'
import { createLocalBreakerStore } from './breaker-store'
import { acquirePermit, closedBreaker, recordResult, type BreakerState } from './circuit-breaker'
import { createRedisBreakerStore } from './redis-breaker-store'
import { DEFAULT_BREAKER_POLICY, type BreakerPolicy, type Clock } from './routing-options'

const policy = { ...DEFAULT_BREAKER_POLICY, failureThreshold: 2, coolDownMs: 1000 }

function manualClock(start = 0) {
  let now = start
  const clock: Clock = { now: () => now, sleep: async () => {} }
  return { clock, advance: (milliseconds: number) => (now += milliseconds) }
}

/**
 * An in-memory Redis that runs the breaker script's operations with the TypeScript state
 * machine (the script itself is checked against real Redis in test/routing-redis.test.ts).
 */
function memoryRedis(options: { broken: boolean } = { broken: false }) {
  const store = new Map<string, string>()
  const calls: string[] = []
  const client = {
    eval: async (_script: string, _keys: number, key: string, operation: string, ...args: number[]) => {
      if (options.broken) throw new Error('connection is closed')
      calls.push(operation)
      const [now, failureThreshold, failureRate, minimumCalls, windowMs, coolDownMs, probeTimeoutMs] = args
      const rules: BreakerPolicy = { failureThreshold, failureRate: failureRate < 0 ? undefined : failureRate, minimumCalls, windowMs, coolDownMs, probeTimeoutMs }
      const current: BreakerState = store.has(key) ? JSON.parse(store.get(key)!) : closedBreaker()
      let result = ''
      let next = current
      if (operation === 'acquire') ({ breaker: next, permit: result } = acquirePermit(current, now, rules))
      if (operation === 'success' || operation === 'failure') next = recordResult(current, operation === 'success', now, rules)
      if (next !== current) store.set(key, JSON.stringify(next))
      return [result, JSON.stringify(next)]
    },
  } as unknown as RedisClient
  return { client, store, calls }
}

const quiet = { warn() {} }

describe('Redis breaker store', () => {
  test('state lives in Redis: a second instance sees the breaker the first one opened', async () => {
    const { clock } = manualClock()
    const redis = memoryRedis()
    const first = createRedisBreakerStore({ redis: redis.client, policy, clock, logger: quiet })
    const second = createRedisBreakerStore({ redis: redis.client, policy, clock, logger: quiet })
    await first.record('openai/gpt-4o', false)
    await first.record('openai/gpt-4o', false)
    expect(await second.acquire('openai/gpt-4o')).toBe('deny')
    expect(second.peek('openai/gpt-4o').state).toBe('open')
    expect(JSON.parse(redis.store.get('tollgate:routing:breaker:openai/gpt-4o')!).state).toBe('open')
  })

  test('one script call per operation; the state is the same JSON as the local one', async () => {
    const redis = memoryRedis()
    const store = createRedisBreakerStore({ redis: redis.client, policy, clock: manualClock().clock, logger: quiet })
    expect(await store.acquire('d')).toBe('allow')
    expect(await store.record('d', false)).toMatchObject({ state: 'closed', failures: 1 })
    expect(redis.calls).toEqual(['acquire', 'failure'])
  })

  test('only one instance gets the half-open probe', async () => {
    const { clock, advance } = manualClock()
    const redis = memoryRedis()
    const [first, second] = [0, 1].map(() => createRedisBreakerStore({ redis: redis.client, policy, clock, logger: quiet }))
    await first.record('d', false)
    await first.record('d', false)
    advance(1000)
    expect(await Promise.all([first.acquire('d'), second.acquire('d')])).toEqual(['probe', 'deny'])
    await first.record('d', true)
    expect(await second.acquire('d')).toBe('allow')
  })

  test('Redis down: the request goes on with local state, starting from the last state seen, and warns once', async () => {
    const warnings: string[] = []
    const failing = { broken: false }
    const redis = memoryRedis(failing)
    const store = createRedisBreakerStore({ redis: redis.client, policy, clock: manualClock().clock, logger: { warn: (line: string) => void warnings.push(line) } })
    expect(await store.record('d', false)).toMatchObject({ state: 'closed', failures: 1 })
    failing.broken = true
    expect(await store.acquire('d')).toBe('allow')
    // The local state starts from the one failure Redis had counted: the second failure opens it.
    expect((await store.record('d', false)).state).toBe('open')
    expect(await store.acquire('d')).toBe('deny')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('local state')
  })

  test('a Redis that never answers counts as down after the timeout', async () => {
    const hanging = { eval: () => new Promise(() => {}) } as unknown as RedisClient
    const store = createRedisBreakerStore({ redis: hanging, policy, clock: manualClock().clock, logger: quiet, timeoutMs: 5 })
    expect(await store.acquire('d')).toBe('allow')
  })
})

describe('local breaker store', () => {
  test('opens, probes after the cool-down, closes on success', async () => {
    const { clock, advance } = manualClock()
    const store = createLocalBreakerStore(policy, clock)
    await store.record('d', false)
    await store.record('d', false)
    expect(await store.acquire('d')).toBe('deny')
    advance(1000)
    expect(await store.acquire('d')).toBe('probe')
    expect(await store.acquire('d')).toBe('deny')
    await store.record('d', true)
    expect(store.peek('d').state).toBe('closed')
  })
})
