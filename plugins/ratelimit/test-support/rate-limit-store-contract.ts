import { describe, expect, test } from 'bun:test'
import type { Clock } from '../src/ratelimit-options'
import type { BucketCheck, RateLimitStore } from '../src/rate-limit-store'

export interface StoreFactoryOptions {
  clock: Clock
  leaseMs: number
  concurrencyRetryMs: number
}

export function manualClock(start = 1_700_000_000_000) {
  let now = start
  return { clock: { now: () => now } satisfies Clock, advance: (milliseconds: number) => (now += milliseconds), set: (time: number) => (now = time) }
}

const rate = (id: string, limit: number, cost = 1): BucketCheck => ({ kind: 'rate', id, limit, cost })
const slot = (id: string, limit: number): BucketCheck => ({ kind: 'concurrency', id, limit, cost: 1 })

/**
 * The behaviour every rate-limit store must have, exact to the millisecond: run by the memory
 * store beside its code and by the Redis store against a real server (test/ratelimit-redis.test.ts).
 */
export function runRateLimitStoreContract(name: string, createStore: (options: StoreFactoryOptions) => RateLimitStore) {
  const setup = (leaseMs = 60_000) => {
    const time = manualClock()
    const store = createStore({ clock: time.clock, leaseMs, concurrencyRetryMs: 1000 })
    const run = crypto.randomUUID().slice(0, 8)
    return { ...time, store, id: (label: string) => `contract:${run}:${label}` }
  }

  describe(`${name}: rate-limit store contract`, () => {
    test('requests per minute: the limit passes, one more waits exactly one refill interval (60 s / limit)', async () => {
      const { store, id, advance } = setup()
      const bucket = rate(id('rpm'), 3)
      const states = []
      for (let request = 0; request < 3; request++) {
        const reservation = await store.reserve({ requestId: `r${request}`, checks: [bucket] })
        expect(reservation.allowed).toBe(true)
        states.push(reservation.states[0])
      }
      expect(states).toEqual([
        { limit: 3, remaining: 2, resetMs: 20_000 },
        { limit: 3, remaining: 1, resetMs: 40_000 },
        { limit: 3, remaining: 0, resetMs: 60_000 },
      ])
      expect(await store.reserve({ requestId: 'r3', checks: [bucket] })).toEqual({ allowed: false, retryAfterMs: 20_000, refused: [0], states: [{ limit: 3, remaining: 0, resetMs: 60_000 }] })
      advance(19_999)
      expect(await store.reserve({ requestId: 'r4', checks: [bucket] })).toMatchObject({ allowed: false, retryAfterMs: 1 })
      advance(1)
      expect(await store.reserve({ requestId: 'r5', checks: [bucket] })).toMatchObject({ allowed: true, states: [{ limit: 3, remaining: 0, resetMs: 60_000 }] })
      advance(60_000)
      expect(await store.peek([bucket])).toEqual([{ limit: 3, remaining: 3, resetMs: 0 }])
    })

    test('limits that do not divide a minute stay exact (7 per minute: 8571.43 ms per request)', async () => {
      const { store, id, advance } = setup()
      const bucket = rate(id('seven'), 7)
      for (let request = 0; request < 7; request++) expect((await store.reserve({ requestId: `r${request}`, checks: [bucket] })).allowed).toBe(true)
      expect(await store.reserve({ requestId: 'late', checks: [bucket] })).toMatchObject({ allowed: false, retryAfterMs: 8572 })
      advance(8571)
      expect((await store.reserve({ requestId: 'early', checks: [bucket] })).allowed).toBe(false)
      advance(1)
      expect((await store.reserve({ requestId: 'on-time', checks: [bucket] })).allowed).toBe(true)
    })

    test('tokens per minute: reserve the estimate, settle the actual usage (refund or debt)', async () => {
      const { store, id } = setup()
      const tokens = (cost: number) => rate(id('tpm'), 1000, cost)
      expect((await store.reserve({ requestId: 'a', checks: [tokens(600)] })).states).toEqual([{ limit: 1000, remaining: 400, resetMs: 36_000 }])
      expect(await store.reserve({ requestId: 'b', checks: [tokens(500)] })).toMatchObject({ allowed: false, retryAfterMs: 6000, refused: [0] })
      // `a` used 200 tokens, not 600: 400 come back at once.
      await store.settle({ requestId: 'a', adjustments: [{ id: id('tpm'), limit: 1000, delta: -400 }], releases: [] })
      expect((await store.reserve({ requestId: 'b', checks: [tokens(500)] })).states[0].remaining).toBe(300)
      // `b` used 1200, not 500: the bucket goes into debt and the next request waits for it to drain.
      await store.settle({ requestId: 'b', adjustments: [{ id: id('tpm'), limit: 1000, delta: 700 }], releases: [] })
      expect(await store.peek([tokens(1)])).toEqual([{ limit: 1000, remaining: 0, resetMs: 84_000 }])
      expect(await store.reserve({ requestId: 'c', checks: [tokens(1)] })).toMatchObject({ allowed: false, retryAfterMs: 24_060 })
    })

    test('a request as large as the whole limit passes when the bucket is full', async () => {
      const { store, id, advance } = setup()
      expect((await store.reserve({ requestId: 'a', checks: [rate(id('whole'), 50, 50)] })).allowed).toBe(true)
      advance(59_999)
      expect((await store.reserve({ requestId: 'b', checks: [rate(id('whole'), 50, 50)] })).allowed).toBe(false)
      advance(1)
      expect((await store.reserve({ requestId: 'b', checks: [rate(id('whole'), 50, 50)] })).allowed).toBe(true)
    })

    test('all or nothing: a refusal by one bucket takes nothing from the others', async () => {
      const { store, id } = setup()
      const wide = rate(id('wide'), 5)
      const narrow = rate(id('narrow'), 1)
      const slots = slot(id('slots'), 5)
      expect((await store.reserve({ requestId: 'a', checks: [wide, narrow, slots] })).allowed).toBe(true)
      const refused = await store.reserve({ requestId: 'b', checks: [wide, narrow, slots] })
      expect(refused).toMatchObject({ allowed: false, refused: [1] })
      expect(refused.states.map((state) => state.remaining)).toEqual([4, 0, 4])
      expect((await store.peek([wide, slots])).map((state) => state.remaining)).toEqual([4, 4])
    })

    test('concurrency: the limit holds slots, one more is refused, a release frees one; reserving again is idempotent', async () => {
      const { store, id } = setup()
      const slots = slot(id('concurrency'), 2)
      expect((await store.reserve({ requestId: 'a', checks: [slots] })).states).toEqual([{ limit: 2, remaining: 1, resetMs: 0 }])
      expect((await store.reserve({ requestId: 'b', checks: [slots] })).states).toEqual([{ limit: 2, remaining: 0, resetMs: 0 }])
      expect(await store.reserve({ requestId: 'c', checks: [slots] })).toEqual({ allowed: false, retryAfterMs: 1000, refused: [0], states: [{ limit: 2, remaining: 0, resetMs: 0 }] })
      expect((await store.reserve({ requestId: 'b', checks: [slots] })).allowed).toBe(true)
      await store.settle({ requestId: 'a', adjustments: [], releases: [slots.id] })
      expect((await store.reserve({ requestId: 'c', checks: [slots] })).allowed).toBe(true)
      expect((await store.reserve({ requestId: 'd', checks: [slots] })).allowed).toBe(false)
    })

    test('concurrency slots expire after the lease unless renewed (a crashed instance gives its slots back)', async () => {
      const { store, id, advance } = setup(1000)
      const slots = slot(id('lease'), 2)
      await store.reserve({ requestId: 'a', checks: [slots] })
      await store.reserve({ requestId: 'b', checks: [slots] })
      advance(900)
      await store.renew([{ id: slots.id, requestId: 'a' }])
      advance(99)
      expect((await store.reserve({ requestId: 'c', checks: [slots] })).allowed).toBe(false)
      advance(1)
      // `b` expired at 1000 ms; `a` was renewed until 1900 ms.
      expect((await store.reserve({ requestId: 'c', checks: [slots] })).allowed).toBe(true)
      expect((await store.reserve({ requestId: 'd', checks: [slots] })).allowed).toBe(false)
      advance(900)
      expect((await store.reserve({ requestId: 'd', checks: [slots] })).allowed).toBe(true)
    })

    test('atomic under concurrency: 50 simultaneous reservations against a limit of 10 admit exactly 10', async () => {
      const { store, id } = setup()
      const checks = [rate(id('burst-rpm'), 10), slot(id('burst-slots'), 40)]
      const results = await Promise.all(Array.from({ length: 50 }, (_, index) => store.reserve({ requestId: `burst-${index}`, checks })))
      expect(results.filter((result) => result.allowed)).toHaveLength(10)
      expect((await store.peek(checks)).map((state) => state.remaining)).toEqual([0, 30])
    })

    test('settling an unknown request or an empty bucket is harmless', async () => {
      const { store, id } = setup()
      await store.settle({ requestId: 'ghost', adjustments: [{ id: id('empty'), limit: 10, delta: -5 }], releases: [id('no-slots')] })
      expect(await store.peek([rate(id('empty'), 10), slot(id('no-slots'), 3)])).toEqual([
        { limit: 10, remaining: 10, resetMs: 0 },
        { limit: 3, remaining: 3, resetMs: 0 },
      ])
    })
  })
}
