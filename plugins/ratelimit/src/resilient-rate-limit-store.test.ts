import { describe, expect, test } from 'bun:test'
import { GatewayError } from '@tollgate/core'
import { manualClock } from '../test-support/rate-limit-store-contract'
import { createMemoryRateLimitStore } from './memory-rate-limit-store'
import type { RateLimitStore, ReserveRequest } from './rate-limit-store'
import type { RedisFailurePolicy } from './ratelimit-options'
import { createResilientStore } from './resilient-rate-limit-store'

/** A primary store that works, fails at once (Redis down) or never answers (Redis frozen). */
function switchablePrimary() {
  const time = manualClock()
  const working = createMemoryRateLimitStore({ clock: time.clock })
  let mode: 'up' | 'down' | 'hanging' = 'up'
  const gate = <T>(run: () => Promise<T>): Promise<T> => (mode === 'up' ? run() : mode === 'down' ? Promise.reject(new Error("Stream isn't writeable")) : new Promise<T>(() => {}))
  const primary: RateLimitStore = {
    kind: 'redis',
    reserve: (request) => gate(() => working.reserve(request)),
    settle: (settlement) => gate(() => working.settle(settlement)),
    renew: (leases) => gate(() => working.renew(leases)),
    peek: (checks) => gate(() => working.peek(checks)),
  }
  return { primary, set: (next: typeof mode) => (mode = next) }
}

function setup(policy: RedisFailurePolicy) {
  const { primary, set } = switchablePrimary()
  const fallback = createMemoryRateLimitStore({ clock: manualClock().clock })
  const lines: string[] = []
  let wall = 0
  const logger = { warn: (line: string) => void lines.push(`warn ${line}`), info: (line: string) => void lines.push(`info ${line}`) }
  const store = createResilientStore({ primary, fallback, policy, timeoutMs: 20, retryMs: 1000, logger, now: () => wall })
  return { store, primary, fallback, set, lines, advanceWall: (milliseconds: number) => (wall += milliseconds) }
}

const request = (id: string): ReserveRequest => ({ requestId: id, checks: [{ kind: 'rate', id: 'rpm', limit: 2, cost: 1 }, { kind: 'concurrency', id: 'slots', limit: 5, cost: 1 }] })

describe('resilient store', () => {
  test("'local': a failure falls back to this instance's memory, logs once, skips Redis until retryMs, then recovers", async () => {
    const { store, primary, fallback, set, lines, advanceWall } = setup('local')
    expect(await store.reserve(request('a'))).toMatchObject({ checked: true, store: primary, primaryUncertain: false })
    set('down')
    for (const id of ['b', 'c']) expect(await store.reserve(request(id))).toMatchObject({ checked: true, store: fallback, reservation: { allowed: true } })
    expect(await store.reserve(request('d'))).toMatchObject({ checked: true, store: fallback, reservation: { allowed: false } })
    expect(lines).toEqual([`warn [tollgate] ratelimit: Redis unavailable (Stream isn't writeable); limits are enforced by each instance alone, in its memory (policy 'local') until it is back`])
    expect(store.down).toBe(true)

    set('up')
    advanceWall(999)
    expect(await store.reserve(request('e'))).toMatchObject({ store: fallback })
    advanceWall(1)
    // Redis's counters go on from where they were (one request of two), not from the local ones.
    expect(await store.reserve(request('f'))).toMatchObject({ store: primary, reservation: { allowed: true } })
    expect(await store.reserve(request('g'))).toMatchObject({ store: primary, reservation: { allowed: false } })
    expect(lines.at(-1)).toBe('info [tollgate] ratelimit: Redis is back; limits are shared by every instance again')
    expect(lines).toHaveLength(2)
  })

  test("'open' admits unchecked; 'closed' refuses with 503 and Retry-After", async () => {
    const open = setup('open')
    open.set('down')
    expect(await open.store.reserve(request('a'))).toEqual({ checked: false, primaryUncertain: false })
    const closed = setup('closed')
    closed.set('down')
    const error = await closed.store.reserve(request('a')).catch((caught) => caught)
    expect(error).toBeInstanceOf(GatewayError)
    expect(error.toJSON()).toMatchObject({ status: 503, code: 'rate_limiter_unavailable', retryAfter: 1 })
  })

  test('a Redis that does not answer within the timeout counts as down, and the reservation is marked uncertain', async () => {
    const { store, fallback, set, lines } = setup('local')
    set('hanging')
    expect(await store.reserve(request('a'))).toMatchObject({ checked: true, store: fallback, primaryUncertain: true })
    expect(lines[0]).toContain('no answer within 20 ms')
  })

  test('settling never throws: on the primary a failure is recorded, on memory it goes straight through', async () => {
    const { store, primary, fallback, set } = setup('local')
    await store.reserve(request('a'))
    set('down')
    await store.settle(primary, { requestId: 'a', adjustments: [], releases: ['slots'] })
    await store.renew(primary, [{ id: 'slots', requestId: 'a' }])
    expect(store.down).toBe(true)
    const local = await fallback.reserve(request('b'))
    await store.settle(fallback, { requestId: 'b', adjustments: [{ id: 'rpm', limit: 2, delta: -1 }], releases: ['slots'] })
    expect(local.allowed).toBe(true)
    expect(await fallback.peek(request('x').checks)).toEqual([{ limit: 2, remaining: 2, resetMs: 0 }, { limit: 5, remaining: 5, resetMs: 0 }])
    expect(await store.peek(request('x').checks)).toMatchObject({ store: 'memory' })
  })
})
